import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { List, Network, Search, X } from 'lucide-react';
import type * as Y from 'yjs';
import { setBoardSetting } from '../../core/commands/boards.ts';
import { setTopic, type Topic } from '../../core/commands/mindmap.ts';
import { compareOrdered } from '../../core/order.ts';
import { searchMatcher } from '../../core/text.ts';
import { canRun, type Action } from '../../ui/actions.ts';
import { mindMapAction, type MindMapContext } from './actions.ts';
import type { MindMapLayoutKind } from './layout.ts';
import { LAYOUT_KINDS } from './useTopics.ts';

interface MindMapToolbarProps {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  kind: MindMapLayoutKind;
  mode: 'map' | 'outline';
  readOnly: boolean;
  topics: Topic[];
  findOpen: boolean;
  onMode(mode: 'map' | 'outline'): void;
  onFind(open: boolean): void;
  detailsOpen: boolean;
  /** The context the toolbar's actions run in, and how the board runs one. */
  context(): MindMapContext;
  onRun(action: Action<MindMapContext>): void;
  /** Selects a found topic and brings it into view. */
  onReveal(id: string): void;
  /** Drawn last in the toolbar's second group (the import / export menu). */
  children?: ReactNode;
}

/** Topics in reading order (depth first, siblings in order), for stepping through search hits. */
function readingOrder(topics: Topic[]): Topic[] {
  // Children listed once, sorted once: not a scan of the whole map per topic.
  const children = new Map<string | null, Topic[]>();
  for (const t of topics) {
    const list = children.get(t.parent);
    if (list) list.push(t);
    else children.set(t.parent, [t]);
  }
  for (const list of children.values()) list.sort(compareOrdered).reverse();
  const out: Topic[] = [];
  const stack = [...(children.get(null) ?? [])];
  while (stack.length > 0) {
    const topic = stack.pop()!;
    out.push(topic);
    stack.push(...(children.get(topic.id) ?? []));
  }
  return out;
}

/** Layout, map or outline, find (diacritics ignored; folded hits are unfolded) and the key sheet. */
export function MindMapToolbar(props: MindMapToolbarProps) {
  const { doc, boardId, origin, kind, mode, readOnly, topics, findOpen } = props;
  const { t } = useTranslation('mindmap');
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [shown, setShown] = useState(false);
  // Searched only while the find box is open: a query left in it costs an edit nothing.
  const hits = useMemo(() => {
    if (!findOpen || !query.trim()) return [];
    const matches = searchMatcher(query);
    return readingOrder(topics).filter((tp) => matches(tp.label));
  }, [topics, query, findOpen]);

  const show = (i: number) => {
    const hit = hits[(i + hits.length) % hits.length];
    if (!hit) return;
    setIndex((i + hits.length) % hits.length);
    setShown(true);
    // Unfold every folded ancestor so the hit can be seen.
    const byId = new Map(topics.map((tp) => [tp.id, tp]));
    for (
      let p = hit.parent ? byId.get(hit.parent) : undefined;
      p;
      p = p.parent ? byId.get(p.parent) : undefined
    ) {
      if (p.collapsed && !readOnly)
        setTopic(doc, { boardId, id: p.id, patch: { collapsed: false } }, origin);
    }
    requestAnimationFrame(() => props.onReveal(hit.id));
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    // The first Enter after typing shows the first hit; each further Enter the next one.
    if (event.key === 'Enter')
      show(!shown ? index : event.shiftKey ? index - 1 : index + (hits[index] ? 1 : 0));
    if (event.key === 'Escape') props.onFind(false);
  };

  return (
    <div className="mindmap-toolbar">
      {/* Two groups that wrap as wholes: a narrow board gets two rows, never a lone button. */}
      <span className="mindmap-toolbar__group">
        <label>
          <span className="muted">{t('layout')}</span>
          <select
            value={kind}
            disabled={readOnly}
            onChange={(e) =>
              setBoardSetting(doc, { id: boardId, key: 'layout', value: e.target.value }, origin)
            }
            data-testid="layout-select"
          >
            {LAYOUT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`layouts.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          aria-pressed={mode === 'outline'}
          onClick={() => props.onMode(mode === 'map' ? 'outline' : 'map')}
          data-testid="outline-toggle"
        >
          {mode === 'map' ? <List size={16} /> : <Network size={16} />}{' '}
          {mode === 'map' ? t('outline') : t('map')}
        </button>
        {findOpen ? (
          <span className="mindmap-find">
            <Search size={16} />
            <input
              autoFocus
              value={query}
              placeholder={t('findPlaceholder')}
              onChange={(e) => {
                setQuery(e.target.value);
                setIndex(0);
                setShown(false);
              }}
              onKeyDown={onKey}
              data-testid="find-input"
            />
            <span className="muted" data-testid="find-count">
              {query.trim()
                ? hits.length
                  ? t('hits', { index: index + 1, count: hits.length })
                  : t('noHits')
                : ''}
            </span>
            <button type="button" onClick={() => props.onFind(false)} aria-label={t('close')}>
              <X size={14} />
            </button>
          </span>
        ) : (
          <ActionButton id="mindmap.find" title={t('find')} bare {...props} />
        )}
      </span>
      <span className="mindmap-toolbar__group">
        <ActionButton id="mindmap.relate" title={t('relateHint')} testId="relate" {...props} />
        <ActionButton
          id="mindmap.summarize"
          title={t('summaryHint')}
          testId="summarize"
          {...props}
        />
        <ActionButton
          id="mindmap.details"
          pressed={props.detailsOpen}
          testId="details-toggle"
          {...props}
        />
        <ActionButton id="mindmap.help" title={t('help')} testId="help-button" bare {...props} />
        {props.children}
      </span>
    </div>
  );
}

/** A toolbar button generated from the action table: its icon, label and whether it can run. */
function ActionButton({
  id,
  title,
  testId,
  pressed,
  bare,
  context,
  onRun,
}: {
  id: string;
  title?: string;
  testId?: string;
  pressed?: boolean;
  /** Only the icon is shown. */
  bare?: boolean;
  context(): MindMapContext;
  onRun(action: Action<MindMapContext>): void;
}) {
  const { t } = useTranslation('mindmap');
  const action = mindMapAction(id);
  const Icon = action.icon;
  const label = t(action.label);
  return (
    <button
      type="button"
      disabled={!canRun(action, context())}
      aria-pressed={pressed}
      onClick={() => onRun(action)}
      title={title ?? label}
      data-testid={testId}
    >
      {Icon && <Icon size={16} />}
      {!bare && ` ${label}`}
    </button>
  );
}
