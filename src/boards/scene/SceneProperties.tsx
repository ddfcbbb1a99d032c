import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { updateSceneObjects, type ScenePatch } from '../../core/commands/scene.ts';
import { formatDecimal, parseDecimal, type SceneObject } from '../../core/scene.ts';
import {
  propertiesOf,
  propertyPatch,
  propertyValue,
  type SceneProperty,
} from '../../core/sceneProperties.ts';

interface ScenePropertiesProps {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  object: SceneObject;
  language: string;
  run(action: () => void): void;
}

/**
 * Position, size, rotation and label of the selected object, typed (as in draw.io or Excalidraw).
 * Numbers take a decimal comma or point; a value is written when the field is left or Enter is
 * pressed, as one undo step; a value that cannot be taken puts the stored one back.
 */
export function SceneProperties({
  doc,
  boardId,
  origin,
  object: o,
  language,
  run,
}: ScenePropertiesProps) {
  const { t } = useTranslation('scene');
  const write = (patch: ScenePatch) =>
    run(() => updateSceneObjects(doc, { boardId, patches: [{ id: o.id, patch }] }, origin));

  const field = (name: SceneProperty) => {
    const unit = name === 'rotation' ? '°' : name === 'label' ? '' : 'm';
    if (name === 'label') {
      return (
        <label key={name} className="scene-properties__field scene-properties__field--wide">
          <span>{t('properties.label')}</span>
          <input
            type="text"
            key={`${o.id}-label-${o.label}`}
            defaultValue={o.label}
            disabled={o.locked}
            data-testid="scene-prop-label"
            onBlur={(event) => {
              if (event.currentTarget.value !== o.label)
                write({ label: event.currentTarget.value });
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.currentTarget.blur();
            }}
          />
        </label>
      );
    }
    const stored = propertyValue(o, name);
    const shown = formatDecimal(stored, language);
    const commit = (input: HTMLInputElement) => {
      const value = parseDecimal(input.value);
      const patch = value === null || value === stored ? null : propertyPatch(o, name, value);
      if (patch) write(patch);
      else input.value = shown;
    };
    return (
      <label key={name} className="scene-properties__field">
        <span>{t(`properties.${name}`)}</span>
        <input
          type="text"
          inputMode="decimal"
          key={`${o.id}-${name}-${shown}`}
          defaultValue={shown}
          disabled={o.locked}
          data-testid={`scene-prop-${name}`}
          onBlur={(event) => commit(event.currentTarget)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit(event.currentTarget);
          }}
        />
        <span className="scene-properties__unit">{unit}</span>
      </label>
    );
  };

  return (
    <section
      className="scene-properties"
      aria-label={t('properties.title')}
      data-testid="scene-properties"
      onPointerDown={(event) => event.stopPropagation()}
    >
      {propertiesOf(o).map(field)}
    </section>
  );
}
