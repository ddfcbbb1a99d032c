import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { updateSceneObjects } from '../../core/commands/scene.ts';
import type { SceneObject } from '../../core/scene.ts';

/** What the selection bar does, defined by the board (the keys do the same). */
export interface SelectionActions {
  paste(source: SceneObject[]): void;
  remove(): void;
  group(on: boolean): void;
  lock(): void;
  order(to: 'front' | 'back' | 'forward' | 'backward'): void;
  align(edge: 'left' | 'top'): void;
  distribute(): void;
}

interface SceneSelectionBarProps {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  selected: SceneObject[];
  actions: SelectionActions;
  run(action: () => void): void;
}

/**
 * The actions on the selection, floating over the top of the canvas so that the drawing never moves
 * when a selection begins or ends.
 */
export function SceneSelectionBar({
  doc,
  boardId,
  origin,
  selected,
  actions,
  run,
}: SceneSelectionBarProps) {
  const { t } = useTranslation('scene');
  return (
    <div className="scene__selection-bar" role="toolbar" data-testid="scene-selection-bar">
      <button type="button" onClick={() => actions.paste(selected)} title="Ctrl+D">
        {t('duplicate')}
      </button>
      <button type="button" onClick={actions.remove} title="Delete" data-testid="scene-delete">
        {t('delete')}
      </button>
      <button type="button" onClick={actions.lock} title="Ctrl+L" data-testid="scene-lock">
        {selected.every((o) => o.locked) ? t('unlock') : t('lock')}
      </button>
      {selected.length > 1 && (
        <button type="button" onClick={() => actions.group(true)} title="Ctrl+G">
          {t('group')}
        </button>
      )}
      {selected.some((o) => o.group) && (
        <button type="button" onClick={() => actions.group(false)} title="Ctrl+Shift+G">
          {t('ungroup')}
        </button>
      )}
      <button type="button" onClick={() => actions.order('front')} title="Ctrl+]">
        {t('front')}
      </button>
      <button type="button" onClick={() => actions.order('back')} title="Ctrl+[">
        {t('back')}
      </button>
      {selected.length > 1 && (
        <>
          <button
            type="button"
            onClick={() => actions.align('left')}
            data-testid="scene-align-left"
          >
            {t('alignLeft')}
          </button>
          <button type="button" onClick={() => actions.align('top')}>
            {t('alignTop')}
          </button>
        </>
      )}
      {selected.length > 2 && (
        <button type="button" onClick={actions.distribute} data-testid="scene-distribute">
          {t('distribute')}
        </button>
      )}
      {selected.length === 1 && selected[0]!.shape === 'wall' && (
        <label>
          {t('thickness')}{' '}
          <input
            type="number"
            min={0.01}
            max={5}
            step={0.05}
            key={`${selected[0]!.id}-${selected[0]!.thickness}`}
            defaultValue={selected[0]!.thickness}
            onBlur={(event) => {
              const thickness = Number(event.currentTarget.value.replace(',', '.'));
              const id = selected[0]!.id;
              if (thickness !== selected[0]!.thickness)
                run(() =>
                  updateSceneObjects(
                    doc,
                    { boardId, patches: [{ id, patch: { thickness } }] },
                    origin,
                  ),
                );
            }}
          />
        </label>
      )}
      {selected.length === 1 &&
        (selected[0]!.shape === 'arrow' || selected[0]!.shape === 'line') && (
          <label>
            {t('times')}{' '}
            <input
              type="text"
              key={`${selected[0]!.id}-${(selected[0]!.times ?? []).join(',')}`}
              defaultValue={(selected[0]!.times ?? []).join(', ')}
              placeholder="22:10, 22:15"
              data-testid="scene-times"
              onBlur={(event) => {
                const times = event.currentTarget.value.split(',').map((s) => s.trim());
                const id = selected[0]!.id;
                run(() =>
                  updateSceneObjects(doc, { boardId, patches: [{ id, patch: { times } }] }, origin),
                );
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.currentTarget.blur();
              }}
            />
          </label>
        )}
    </div>
  );
}
