import { useTranslation } from 'react-i18next';
import { canRun, runAction } from '../../ui/actions.ts';
import { TIMELINE_ACTIONS, type TimelineContext } from './actions.ts';

/** How an action's button is drawn in the toolbar; the action itself comes from the table. */
const LOOK: Record<string, { bare?: boolean; primary?: boolean; testId?: string }> = {
  'timeline.zoomIn': { bare: true },
  'timeline.zoomOut': { bare: true, testId: 'timeline-zoom-out' },
  'timeline.add': { primary: true, testId: 'timeline-add' },
};

/**
 * The timeline's toolbar, one button per action of its table (zoom, fit, add); actions a viewer
 * cannot run are not shown to one.
 */
export function TimelineToolbar({ context }: { context(): TimelineContext }) {
  const { t } = useTranslation('graph');
  const now = context();
  return (
    <div className="timeline-toolbar">
      {TIMELINE_ACTIONS.filter((action) => action.viewer || !now.readOnly).map((action) => {
        const look = LOOK[action.id] ?? {};
        const Icon = action.icon;
        const label = t(action.label);
        return (
          <button
            key={action.id}
            type="button"
            className={look.primary ? 'primary' : undefined}
            disabled={!canRun(action, now)}
            onClick={() => runAction(action, context())}
            title={label}
            data-testid={look.testId}
          >
            {Icon && <Icon size={16} />}
            {!look.bare && ` ${label}`}
          </button>
        );
      })}
    </div>
  );
}
