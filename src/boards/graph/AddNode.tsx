import { useState, type FormEvent } from 'react';
import { useReactFlow, type Node } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addEntityNode } from '../../core/commands/charts.ts';
import { addNode } from '../../core/commands/nodes.ts';
import { PARTY_TYPES, type PartyType } from '../../core/links.ts';
import type { EntityKind } from '../../core/register.ts';
import { handleActionKey } from '../../ui/actions.ts';
import { useAddNodeActions } from './actions.ts';
import { errorText } from './errors.ts';
import type { GraphMode } from './mode.ts';

/** What a chart's toolbar can add: register kinds, and for a relationship chart free parties. */
const ADDABLE: Record<GraphMode, ReadonlyArray<EntityKind | PartyType>> = {
  evidence: ['fact', 'evidence', 'event', 'person'],
  relationship: ['person', 'place', ...PARTY_TYPES.filter((p) => p !== 'other')],
};

/** The first place at or below `at` where a new node does not cover another. */
function freeSpot(nodes: readonly Node[], at: { x: number; y: number }): { x: number; y: number } {
  const w = 220;
  const h = 44;
  const spot = { x: Math.round(at.x), y: Math.round(at.y) };
  for (let tries = 0; tries < 200; tries++) {
    const hit = nodes.find((n) => {
      const nw = n.measured?.width ?? 180;
      const nh = n.measured?.height ?? 40;
      return (
        spot.x < n.position.x + nw + 16 &&
        n.position.x < spot.x + w &&
        spot.y < n.position.y + nh + 16 &&
        n.position.y < spot.y + h
      );
    });
    if (!hit) break;
    spot.y = hit.position.y + (hit.measured?.height ?? 40) + 16;
  }
  return spot;
}

/** Adds a register entity (or a relationship chart's party) in the middle of the view. */
export function AddNode({
  doc,
  boardId,
  origin,
  mode,
  onError,
}: {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  mode: GraphMode;
  onError(message: string | null): void;
}) {
  const { t } = useTranslation('graph');
  const { t: tr } = useTranslation('register');
  const flow = useReactFlow();
  const [kind, setKind] = useState<EntityKind | PartyType | null>(null);
  const [name, setName] = useState('');
  const { table, context: actionContext } = useAddNodeActions(ADDABLE[mode], kind, (k) =>
    setKind(k as EntityKind | PartyType | null),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind || !name.trim()) return;
    const pane = document.querySelector('.graph-board .react-flow')?.getBoundingClientRect();
    const centre = freeSpot(
      flow.getNodes(),
      flow.screenToFlowPosition({
        x: (pane?.left ?? 0) + (pane?.width ?? 800) / 2 - 80,
        y: (pane?.top ?? 0) + (pane?.height ?? 600) / 3,
      }),
    );
    try {
      if ((PARTY_TYPES as readonly string[]).includes(kind))
        addNode(doc, { boardId, ...centre, label: name, type: kind }, origin);
      else addEntityNode(doc, { boardId, kind: kind as EntityKind, name, ...centre }, origin);
      setName('');
      setKind(null);
      onError(null);
    } catch (err) {
      onError(errorText(t, err));
    }
  };
  const labelOf = (k: EntityKind | PartyType) =>
    (PARTY_TYPES as readonly string[]).includes(k) ? tr(`party.${k}`) : tr(`kinds.${k}`);
  return (
    <div className="graph-toolbar__row graph-toolbar__add">
      <span>{t('toolbar.add')}:</span>
      {ADDABLE[mode].map((k) => (
        <button
          key={k}
          type="button"
          className={kind === k ? 'is-active' : undefined}
          onClick={() => setKind(kind === k ? null : k)}
          data-testid={`add-${k}`}
        >
          {labelOf(k)}
        </button>
      ))}
      {kind && (
        <form onSubmit={submit} className="graph-toolbar__name">
          <input
            autoFocus
            value={name}
            placeholder={`${labelOf(kind)} — ${t('toolbar.newName')}`}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => handleActionKey(table, e.nativeEvent, actionContext())}
            aria-label={t('toolbar.newName')}
            data-testid="add-name"
          />
        </form>
      )}
    </div>
  );
}
