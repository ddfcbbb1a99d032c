import { useTranslation } from 'react-i18next';
import { formatDecimal, parseDecimal } from '../../core/scene.ts';
import { canRun, runAction } from '../../ui/actions.ts';
import { SCENE_ACTIONS, SCENE_ACTION_BY_ID, type SceneActionContext } from './actions.ts';

const TOOL_ACTIONS = SCENE_ACTIONS.filter((a) => a.group === 'tools');

interface SceneToolbarProps {
  context: SceneActionContext;
  gridMetres: number;
  notToScale: boolean;
  onScale(gridMetres: number): void;
  onNotToScale(notToScale: boolean): void;
  /** Gives the keyboard back to the canvas. */
  focusCanvas(): void;
}

/** The scene's toolbar: its tools (from the action table), help, fit, the scale. */
export function SceneToolbar({
  context,
  gridMetres,
  notToScale,
  onScale,
  onNotToScale,
  focusCanvas,
}: SceneToolbarProps) {
  const { t, i18n } = useTranslation('scene');
  const language = i18n.language || 'vi';
  const { readOnly } = context;
  const perform = (id: string) => {
    const action = SCENE_ACTION_BY_ID.get(id);
    if (action) runAction(action, context);
  };
  return (
    <div className="scene__toolbar" role="toolbar">
      {TOOL_ACTIONS.map((action) => {
        const active = `scene.tool.${context.tool}` === action.id;
        return (
          <button
            key={action.id}
            type="button"
            className={`scene-tool${active ? ' is-active' : ''}`}
            aria-pressed={active}
            title={t(action.label)}
            data-testid={action.testId}
            disabled={!canRun(action, context)}
            onClick={() => {
              runAction(action, context);
              focusCanvas();
            }}
          >
            {t(action.label).replace(/ \(.\)$/, '')}
          </button>
        );
      })}
      <button
        type="button"
        className="scene-tool"
        onClick={() => perform('scene.help')}
        title={t('help')}
        data-testid="scene-help-button"
      >
        ?
      </button>
      <button
        type="button"
        className="scene-tool"
        onClick={() => perform('scene.fit')}
        title={t('fitKey')}
        data-testid="scene-fit"
      >
        {t('fit')}
      </button>
      <label className="scene__scale">
        {t('scale')}{' '}
        {/* Text, not a number field: the decimal separator is the language's ("0,5" in Vietnamese). */}
        <input
          type="text"
          inputMode="decimal"
          key={`${gridMetres}-${language}`}
          defaultValue={formatDecimal(gridMetres, language)}
          disabled={readOnly}
          data-testid="scene-scale"
          onBlur={(event) => {
            const value = parseDecimal(event.currentTarget.value);
            if (value !== null && value > 0 && value !== gridMetres) onScale(value);
            else event.currentTarget.value = formatDecimal(gridMetres, language);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.currentTarget.blur();
            focusCanvas();
          }}
        />{' '}
        {t('metres')}
      </label>
      <label className="scene__scale">
        <input
          type="checkbox"
          checked={notToScale}
          disabled={readOnly}
          onChange={(event) => onNotToScale(event.currentTarget.checked)}
        />{' '}
        {t('notToScale')}
      </label>
    </div>
  );
}
