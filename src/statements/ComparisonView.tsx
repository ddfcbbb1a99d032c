import { memo, useCallback, useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Columns2, Presentation, X } from 'lucide-react';
import type * as Y from 'yjs';
import { addSlide, type PassageRef } from '../core/commands/deck.ts';
import { listFiles, type CaseFile } from '../core/commands/files.ts';
import { listEntities } from '../core/commands/register.ts';
import { filesOf, registerOf } from '../core/doc.ts';
import {
  comparisonRows,
  listStatements,
  type ComparisonRow,
  type Statement,
} from '../core/statements.ts';
import { useDoc } from '../sync/useDoc.ts';
import { ComparisonCell } from './ComparisonCell.tsx';
import { RegionDialog, type EnlargedRegion } from './RegionDialog.tsx';
import './statements.css';

/**
 * "So sánh lời khai": rows are the issues to prove and the facts (grouped by the issue of Article
 * 85), then events a passage speaks to; columns the statements chosen (one person's over time, or
 * several people's), in time order; each cell the passages of that statement on that row and its
 * mark (consistent, contradicting, silent: a colour and a word). Two passages picked become a
 * side-by-side slide.
 */
export function ComparisonView({
  caseId,
  doc,
  origin,
  readOnly,
  focusRow,
  onClose,
}: {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  /** A row to scroll to and highlight (from a checklist finding). */
  focusRow: string | null;
  onClose(): void;
}) {
  const { t } = useTranslation('statements');
  const { t: tr } = useTranslation('register');
  const statements = useDoc(doc, (d) => [registerOf(d)], listStatements);
  const people = useDoc(
    doc,
    (d) => [registerOf(d)],
    (d) => listEntities(d, 'person'),
  );
  const files = useDoc(doc, (d) => [filesOf(d)], listFiles);
  const [person, setPerson] = useState('');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [picked, setPicked] = useState<PassageRef[]>([]);
  const [enlarged, setEnlarged] = useState<EnlargedRegion | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const givers = useMemo(() => {
    const ids = new Set(statements.map((s) => s.givenBy).filter(Boolean));
    return people.filter((p) => ids.has(p.id));
  }, [statements, people]);
  const offered = useMemo(
    () => statements.filter((s) => !person || s.givenBy === person),
    [statements, person],
  );
  const columns = useMemo(() => offered.filter((s) => !hidden.has(s.id)), [offered, hidden]);
  const groups = useMemo(() => comparisonRows(doc, statements), [doc, statements]);

  const focused = useRef<HTMLTableRowElement | null>(null);
  useEffect(() => {
    focused.current?.scrollIntoView({ block: 'center' });
  }, [focusRow]);

  const togglePick = useCallback(
    (ref: PassageRef) =>
      setPicked((list) => {
        const has = list.some((p) => p.passage === ref.passage);
        if (has) return list.filter((p) => p.passage !== ref.passage);
        return [...list, ref].slice(-2);
      }),
    [],
  );
  const present = () => {
    const rowId = statements
      .flatMap((s) => s.passages)
      .find((p) => p.id === picked[0]?.passage)?.target;
    const row = groups.flatMap((g) => g.rows).find((r) => r.id === rowId);
    const title = row ? t('slideTitle', { row: row.name }) : t('title');
    addSlide(doc, { kind: 'statements', title, passages: picked }, origin);
    setPicked([]);
    setMessage(t('presented', { title }));
  };

  return (
    <section className="comparison" data-testid="comparison" aria-label={t('title')}>
      <header className="comparison__bar">
        <h2>
          <Columns2 size={18} aria-hidden /> {t('title')}
        </h2>
        <label className="comparison__person">
          <span>{t('byPerson')}</span>
          <select
            value={person}
            onChange={(e) => {
              setPerson(e.target.value);
              setHidden(new Set());
            }}
            data-testid="comparison-person"
          >
            <option value="">{t('everyone')}</option>
            {givers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {!readOnly && (
          <button
            type="button"
            className="primary"
            disabled={picked.length !== 2}
            title={picked.length !== 2 ? t('presentHint') : undefined}
            onClick={present}
            data-testid="comparison-present"
          >
            <Presentation size={16} aria-hidden /> {t('present')} ({picked.length}/2)
          </button>
        )}
        <button
          type="button"
          className="comparison__close"
          onClick={onClose}
          title={t('close')}
          aria-label={t('close')}
          data-testid="comparison-close"
        >
          <X size={18} />
        </button>
      </header>
      <p className="comparison__intro">
        {readOnly ? t('intro') : `${t('intro')} ${t('presentHint')}`}
      </p>
      {message && (
        <p className="notice" role="status" data-testid="comparison-message">
          {message}
        </p>
      )}
      {statements.length === 0 ? (
        <p className="muted">{t('noStatements')}</p>
      ) : (
        <>
          <fieldset className="comparison__columns">
            <legend>{t('columns')}</legend>
            {offered.map((s) => (
              <label key={s.id} className="comparison__column-choice">
                <input
                  type="checkbox"
                  checked={!hidden.has(s.id)}
                  onChange={(e) =>
                    setHidden((set) => {
                      const next = new Set(set);
                      if (e.target.checked) next.delete(s.id);
                      else next.add(s.id);
                      return next;
                    })
                  }
                  data-testid="comparison-column-choice"
                />
                {s.name}
              </label>
            ))}
          </fieldset>
          {groups.length === 0 ? (
            <p className="muted">{t('noRows')}</p>
          ) : columns.length === 0 ? (
            <p className="muted">{t('noColumns')}</p>
          ) : (
            <div className="comparison__scroll">
              <table className="comparison__table" data-testid="comparison-table">
                <thead>
                  <tr>
                    <th scope="col" className="comparison__corner">
                      {t('rowHeader')}
                    </th>
                    {columns.map((s) => (
                      <ColumnHead key={s.id} statement={s} />
                    ))}
                  </tr>
                </thead>
                {groups.map((group) => (
                  <tbody key={group.group}>
                    <tr className="comparison__group">
                      <th colSpan={columns.length + 1} scope="rowgroup">
                        {group.group === 'fact' || group.group === 'event'
                          ? t(`group.${group.group}`)
                          : tr(`factTypes.${group.group}`)}
                      </th>
                    </tr>
                    {group.rows.map((row) => (
                      <Row
                        key={row.id}
                        ref={row.id === focusRow ? focused : undefined}
                        row={row}
                        columns={columns}
                        files={files}
                        caseId={caseId}
                        focused={row.id === focusRow}
                        readOnly={readOnly}
                        picked={picked}
                        doc={doc}
                        origin={origin}
                        onPick={togglePick}
                        onEnlarge={setEnlarged}
                      />
                    ))}
                  </tbody>
                ))}
              </table>
            </div>
          )}
        </>
      )}
      {enlarged && (
        <RegionDialog caseId={caseId} region={enlarged} onClose={() => setEnlarged(null)} />
      )}
    </section>
  );
}

const ColumnHead = memo(function ColumnHead({ statement }: { statement: Statement }) {
  const { t } = useTranslation('statements');
  return (
    <th scope="col" className="comparison__head" data-testid="comparison-column">
      <strong>{statement.name}</strong>
      <span>
        {statement.givenByName || t('unknownPerson')} · {statement.givenAt || t('unknownTime')}
      </span>
      {(statement.recordName || statement.pages) && (
        <span className="muted">
          {[statement.recordName, statement.pages].filter(Boolean).join(' · ')}
        </span>
      )}
    </th>
  );
});

interface RowProps {
  ref?: Ref<HTMLTableRowElement> | undefined;
  row: ComparisonRow;
  columns: readonly Statement[];
  files: readonly CaseFile[];
  caseId: string;
  focused: boolean;
  readOnly: boolean;
  picked: readonly PassageRef[];
  doc: Y.Doc;
  origin: unknown;
  onPick(ref: PassageRef): void;
  onEnlarge(region: EnlargedRegion): void;
}

const Row = memo(function Row({ ref, row, columns, focused, ...cell }: RowProps) {
  return (
    <tr
      ref={ref}
      className={focused ? 'is-focused' : undefined}
      data-testid="comparison-row"
      data-row={row.id}
    >
      <th scope="row" className="comparison__row-name">
        {row.name}
      </th>
      {columns.map((s) => (
        <ComparisonCell key={s.id} statement={s} row={row} {...cell} />
      ))}
    </tr>
  );
});
