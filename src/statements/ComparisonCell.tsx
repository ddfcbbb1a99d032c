import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ZoomIn } from 'lucide-react';
import type * as Y from 'yjs';
import type { PassageRef } from '../core/commands/deck.ts';
import type { CaseFile } from '../core/commands/files.ts';
import { setComparisonMark } from '../core/commands/statements.ts';
import {
  COMPARISON_MARKS,
  type ComparisonMark,
  type ComparisonRow,
  type Statement,
} from '../core/statements.ts';
import { RegionCrop } from '../files/RegionCrop.tsx';
import type { EnlargedRegion } from './RegionDialog.tsx';

/**
 * One cell: the passages of a statement on a row (each with its aspect, page and region, which a
 * click enlarges, and a box to pick it for the side-by-side slide), and the cell's mark, shown by
 * its colour and its word.
 */
export const ComparisonCell = memo(function ComparisonCell({
  statement,
  row,
  files,
  caseId,
  readOnly,
  picked,
  doc,
  origin,
  onPick,
  onEnlarge,
}: {
  statement: Statement;
  row: ComparisonRow;
  files: readonly CaseFile[];
  caseId: string;
  readOnly: boolean;
  picked: readonly PassageRef[];
  doc: Y.Doc;
  origin: unknown;
  onPick(ref: PassageRef): void;
  onEnlarge(region: EnlargedRegion): void;
}) {
  const { t } = useTranslation('statements');
  const passages = statement.passages.filter((p) => p.target === row.id);
  const mark = statement.marks[row.id];
  const label = t('markLabel', { statement: statement.name, row: row.name });
  return (
    <td
      className={`comparison__cell is-${mark ?? 'none'}`}
      data-testid="comparison-cell"
      data-statement={statement.id}
      data-mark={mark ?? 'none'}
    >
      {passages.length === 0 ? (
        <p className="comparison__empty">{t('noPassage')}</p>
      ) : (
        <ul className="comparison__passages">
          {passages.map((p) => {
            const file = p.file ? files.find((f) => f.hash === p.file) : undefined;
            const isPicked = picked.some((x) => x.passage === p.id);
            return (
              <li key={p.id} data-testid="comparison-passage">
                <blockquote>“{p.quote}”</blockquote>
                <span className="comparison__passage-meta">
                  {[p.aspect && t(`aspects.${p.aspect}`), p.page && t('page', { page: p.page })]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {file && p.page && (
                  <button
                    type="button"
                    className="comparison__region"
                    onClick={() => onEnlarge({ file, passage: p })}
                    title={t('enlarge')}
                    aria-label={t('enlarge')}
                    data-testid="comparison-region"
                  >
                    <RegionCrop
                      caseId={caseId}
                      hash={file.hash}
                      mime={file.mime}
                      page={p.page}
                      region={p.region}
                      label={t('enlarged', { page: p.page, file: file.name })}
                    />
                    <ZoomIn size={14} aria-hidden className="comparison__zoom" />
                  </button>
                )}
                {!readOnly && (
                  <label className="comparison__pick">
                    <input
                      type="checkbox"
                      checked={isPicked}
                      onChange={() => onPick({ statement: statement.id, passage: p.id })}
                      data-testid="comparison-pick"
                    />
                    {t('pick')}
                  </label>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {readOnly ? (
        <span className="comparison__mark-word">{t(`mark.${mark ?? 'none'}`)}</span>
      ) : (
        <select
          className="comparison__mark"
          value={mark ?? ''}
          aria-label={label}
          title={label}
          onChange={(e) =>
            setComparisonMark(
              doc,
              {
                statementId: statement.id,
                target: row.id,
                mark: (e.target.value || null) as ComparisonMark | null,
              },
              origin,
            )
          }
          data-testid="comparison-mark"
        >
          <option value="">{t('mark.none')}</option>
          {COMPARISON_MARKS.map((m) => (
            <option key={m} value={m}>
              {t(`mark.${m}`)}
            </option>
          ))}
        </select>
      )}
    </td>
  );
});
