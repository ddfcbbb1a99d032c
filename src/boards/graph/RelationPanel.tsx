import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { listLinks } from '../../core/commands/links.ts';
import { displayOf, listNodes } from '../../core/commands/nodes.ts';
import { boardsOf, registerOf } from '../../core/doc.ts';
import { recordWatch, useDoc } from '../../sync/useDoc.ts';

/** Beside a relationship chart: the selected node's links, and how much lies within reach. */
export function RelationPanel({
  doc,
  boardId,
  selected,
  hops,
  lit,
}: {
  doc: Y.Doc;
  boardId: string;
  selected: readonly string[];
  hops: number;
  lit: ReadonlySet<string> | null;
}) {
  const { t } = useTranslation('graph');
  const id = selected.length === 1 ? selected[0]! : null;
  const rows = useDoc(
    doc,
    // Node labels come from the register for nodes that show an entity.
    (d) => [registerOf(d), ...recordWatch(boardsOf(d), boardId)],
    () => {
      if (!id) return null;
      const labels = new Map(listNodes(doc, boardId).map((n) => [n.id, displayOf(doc, n).label]));
      return {
        name: labels.get(id) ?? '',
        links: listLinks(doc, boardId)
          .filter((l) => l.source === id || l.target === id)
          .map((l) => ({
            id: l.id,
            type: l.type,
            label: l.label,
            other: labels.get(l.source === id ? l.target : l.source) ?? '',
            outgoing: l.source === id,
          })),
      };
    },
    [id, boardId],
  );
  return (
    <aside
      className="proof-panel relation-panel"
      aria-label={t('relation.title')}
      data-testid="relation-panel"
    >
      <h2>{t('relation.title')}</h2>
      {!rows ? (
        <p className="muted">{t('relation.select')}</p>
      ) : (
        <>
          <h3>{rows.name}</h3>
          <p data-testid="relation-reach">
            {t('relation.within', { hops, count: Math.max(0, (lit?.size ?? 1) - 1) })}
          </p>
          <ul className="proof-panel__list">
            {rows.links.map((l) => (
              <li key={l.id}>
                {l.outgoing ? '→' : '←'} {l.label || t(`links.${l.type}`)}: {l.other}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
