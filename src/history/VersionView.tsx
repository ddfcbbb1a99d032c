import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { X } from 'lucide-react';
import { diffVersions, type BoardDiff } from '../core/history.ts';
import { listBoards } from '../core/commands/boards.ts';
import { BoardSwitch } from '../boards/BoardSwitch.tsx';
import { boardDescriptor, drawnEntitiesOf, positionKeysOf } from '../boards/registry.ts';
import type { BoardDescriptor } from '../boards/types.ts';
import { changeName, type SymbolNames } from './changeName.ts';
import { formatTime, versionName, type OpenedVersion } from './HistoryPanel.tsx';
import { useDoc, wholeDoc } from '../sync/useDoc.ts';

/** Outline colours of what changed (the legend names them). */
const MARKS = {
  added: '#16a34a',
  removed: '#dc2626',
  moved: '#d97706',
  relabelled: '#7c3aed',
} as const;

/** Rules that mark nodes of one pane, found and drawn as the board kind's `diffMarks` say. */
function marks(
  pane: string,
  { target, look }: NonNullable<BoardDescriptor['diffMarks']>,
  groups: Array<[keyof typeof MARKS, readonly string[]]>,
): string {
  const rules: string[] = [];
  for (const [kind, ids] of groups) {
    if (ids.length === 0) continue;
    const color = MARKS[kind];
    const style =
      look === 'glow'
        ? `filter: drop-shadow(0 0 2px ${color}) drop-shadow(0 0 3px ${color});`
        : `outline: 3px solid ${color}; outline-offset: 3px; border-radius: 6px;`;
    rules.push(
      `${ids.map((id) => `[data-testid="${pane}"] ${target(id)}`).join(',\n')} { ${style} }`,
    );
  }
  return rules.join('\n');
}

/**
 * A version, read-only: alone, or beside the current state, with what changed since outlined on
 * both (added green, removed red, moved amber, relabelled violet) and listed per board.
 */
export function VersionView({
  caseId,
  opened,
  current,
  boardId,
  onClose,
}: {
  caseId: string;
  opened: OpenedVersion;
  current: Y.Doc;
  /** The board shown on the case page, shown first when the version has it. */
  boardId: string | null;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('history');
  const thenBoards = useMemo(() => listBoards(opened.doc), [opened.doc]);
  // The current state compared whole, re-read at most every 300 ms while colleagues edit.
  const nowBoards = useDoc(current, wholeDoc, listBoards, [], { delay: 300 });
  const diffs = useDoc(
    current,
    wholeDoc,
    (d) => diffVersions(opened.doc, d, positionKeysOf, drawnEntitiesOf),
    [opened.doc],
    {
      delay: 300,
    },
  );
  // Symbol names come with their kind's library, loaded when a diff names a symbol.
  const [symbolNames, setSymbolNames] = useState<Record<string, SymbolNames>>({});
  useEffect(() => {
    const kinds = new Set(
      diffs.filter((d) => Object.values(d.objects).some((o) => o.symbol)).map((d) => d.kind),
    );
    for (const kind of kinds) {
      const load = boardDescriptor(kind)?.symbolNames;
      if (load && !symbolNames[kind])
        void load().then((names) => setSymbolNames((all) => ({ ...all, [kind]: names })));
    }
  }, [diffs, symbolNames]);
  const choices = useMemo(() => {
    const seen = new Map(thenBoards.map((b) => [b.id, b]));
    for (const b of nowBoards) if (!seen.has(b.id)) seen.set(b.id, b);
    return [...seen.values()];
  }, [thenBoards, nowBoards]);
  const [chosen, setChosen] = useState(() =>
    boardId && choices.some((b) => b.id === boardId) ? boardId : (choices[0]?.id ?? null),
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const then = thenBoards.find((b) => b.id === chosen) ?? null;
  const now = nowBoards.find((b) => b.id === chosen) ?? null;
  const diff: BoardDiff | undefined = diffs.find((d) => d.boardId === chosen);
  const compare = opened.mode === 'compare';
  const target = diff ? boardDescriptor(diff.kind)?.diffMarks : null;
  const css =
    diff && target
      ? [
          marks('version-pane-then', target, [
            ['removed', diff.removed],
            ['moved', diff.moved],
            ['relabelled', diff.relabelled],
          ]),
          marks('version-pane-now', target, [
            ['added', diff.added],
            ['moved', diff.moved],
            ['relabelled', diff.relabelled],
          ]),
        ].join('\n')
      : '';

  return (
    <div className="version-view" data-testid="version-view" data-mode={opened.mode}>
      <style>{css}</style>
      <header className="version-view__bar">
        <strong>
          {t('version', { name: versionName(t, opened.version) })} ·{' '}
          {formatTime(opened.version.createdAt, i18n.language)}
        </strong>
        <label>
          {t('board')}{' '}
          <select
            value={chosen ?? ''}
            onChange={(event) => setChosen(event.target.value)}
            data-testid="version-board"
          >
            {choices.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('legend')}</span>
        <button type="button" onClick={onClose} data-testid="version-close">
          <X size={16} /> {t('close')}
        </button>
      </header>
      <div className={`version-view__body${compare ? ' is-compare' : ''}`}>
        <section className="version-view__pane" data-testid="version-pane-then">
          <h3>{versionName(t, opened.version)}</h3>
          {then ? (
            <BoardSwitch
              caseId={caseId}
              doc={opened.doc}
              board={then}
              origin={null}
              readOnly
              awareness={null}
              chrome={false}
            />
          ) : (
            <p className="muted board-empty">{t('noBoard')}</p>
          )}
        </section>
        {compare && (
          <section className="version-view__pane" data-testid="version-pane-now">
            <h3>{t('current')}</h3>
            <BoardSwitch
              caseId={caseId}
              doc={current}
              board={now}
              origin={null}
              readOnly
              awareness={null}
              chrome={false}
            />
          </section>
        )}
        <aside className="version-view__diff" data-testid="version-diff">
          <h3>{t('changes')}</h3>
          {diffs.length === 0 && <p className="muted">{t('noChanges')}</p>}
          {diffs.map((d) => (
            <section key={d.boardId} data-board={d.boardId}>
              <h4>
                {d.title}
                {d.status === 'added' && ` (${t('boardAdded')})`}
                {d.status === 'removed' && ` (${t('boardRemoved')})`}
              </h4>
              {(['added', 'removed', 'moved', 'relabelled'] as const).map(
                (kind) =>
                  d[kind].length > 0 && (
                    <p key={kind} className={`version-diff version-diff--${kind}`} data-kind={kind}>
                      <span style={{ color: MARKS[kind] }}>■</span> {t(kind)}:{' '}
                      {d[kind]
                        .map((id) => changeName(t, i18n.language, d, id, symbolNames[d.kind]))
                        .join(', ')}
                    </p>
                  ),
              )}
            </section>
          ))}
        </aside>
      </div>
    </div>
  );
}
