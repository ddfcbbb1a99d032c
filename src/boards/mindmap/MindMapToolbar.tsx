import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Braces, HelpCircle, List, Network, PanelRight, Search, Spline, X } from 'lucide-react';
import type * as Y from 'yjs';
import { setBoardSetting } from '../../core/commands/boards.ts';
import { childrenOf, setTopic, type Topic } from '../../core/commands/mindmap.ts';
import { matchesSearch } from '../../core/text.ts';
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
  onHelp(): void;
  detailsOpen: boolean;
  /** Two topics are selected: a relationship line can join them. */
  canRelate: boolean;
  onRelate(): void;
  /** The selected topics are siblings: a summary can span them. */
  canSummarize: boolean;
  onSummarize(): void;
  onDetails(): void;
  /** Selects a found topic and brings it into view. */
  onReveal(id: string): void;
  /** Drawn last in the toolbar's second group (the import / export menu). */
  children?: ReactNode;
}

/** Topics in reading order (depth first, siblings in order), for stepping through search hits. */
function readingOrder(topics: Topic[]): Topic[] {
  const out: Topic[] = [];
  const stack = childrenOf(topics, null).reverse();
  while (stack.length > 0) {
    const topic = stack.pop()!;
    out.push(topic);
    stack.push(...childrenOf(topics, topic.id).reverse());
  }
  return out;
}

/** Layout, map or outline, find (diacritics ignored; folded hits are unfolded) and the key sheet. */
export function MindMapToolbar(props: MindMapToolbarProps) {
  const { doc, boardId, origin, kind, mode, readOnly, topics, findOpen } = props;
  const { t } = useTranslation('mindmap');
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const hits = useMemo(
    () => (query.trim() ? readingOrder(topics).filter((tp) => matchesSearch(tp.label, query)) : []),
    [topics, query],
  );

  const show = (i: number) => {
    const hit = hits[(i + hits.length) % hits.length];
    if (!hit) return;
    setIndex((i + hits.length) % hits.length);
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
    if (event.key === 'Enter') show(event.shiftKey ? index - 1 : index + (hits[index] ? 1 : 0));
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
          <button type="button" onClick={() => props.onFind(true)} title={t('find')}>
            <Search size={16} />
          </button>
        )}
      </span>
      <span className="mindmap-toolbar__group">
        <button
          type="button"
          disabled={!props.canRelate}
          onClick={props.onRelate}
          title={t('relateHint')}
          data-testid="relate"
        >
          <Spline size={16} /> {t('relate')}
        </button>
        <button
          type="button"
          disabled={!props.canSummarize}
          onClick={props.onSummarize}
          title={t('summaryHint')}
          data-testid="summarize"
        >
          <Braces size={16} /> {t('summary')}
        </button>
        <button
          type="button"
          aria-pressed={props.detailsOpen}
          onClick={props.onDetails}
          title={t('details')}
          data-testid="details-toggle"
        >
          <PanelRight size={16} /> {t('details')}
        </button>
        <button type="button" onClick={props.onHelp} title={t('help')} data-testid="help-button">
          <HelpCircle size={16} />
        </button>
        {props.children}
      </span>
    </div>
  );
}
