import { useTranslation } from 'react-i18next';
import { updateSceneObjects } from '../../core/commands/scene.ts';
import { canRun, keyLabel, runAction } from '../../ui/actions.ts';
import { SCENE_ACTIONS, type SceneActionContext } from './actions.ts';

const BAR = SCENE_ACTIONS.filter((a) => a.bar);

interface SceneSelectionBarProps {
  /** The actions' context; its selection is what the bar acts on. */
  context: SceneActionContext;
  run(action: () => void): void;
}

/**
 * The actions on the selection, floating over the top of the canvas so that the drawing never moves
 * when a selection begins or ends. Its buttons are the action table's `bar` entries.
 */
export function SceneSelectionBar({ context, run }: SceneSelectionBarProps) {
  const { t } = useTranslation('scene');
  const { doc, boardId, origin, selected } = context;
  return (
    <div className="scene__selection-bar" role="toolbar" data-testid="scene-selection-bar">
      {BAR.filter((a) => canRun(a, context)).map((a) => (
        <button
          key={a.id}
          type="button"
          onClick={() => runAction(a, context)}
          title={a.keys?.[0] ? keyLabel(a.keys[0]) : undefined}
          data-testid={a.testId}
        >
          {t(typeof a.bar === 'function' ? a.bar(context) : a.label)}
        </button>
      ))}
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
