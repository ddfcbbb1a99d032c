import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Slide } from '../core/commands/deck.ts';
import { listFiles } from '../core/commands/files.ts';
import { filesOf, registerOf } from '../core/doc.ts';
import { slidePassage, statementHeading } from '../core/statements.ts';
import { RegionCrop } from '../files/RegionCrop.tsx';
import { useDoc } from '../sync/useDoc.ts';

/**
 * Two statement passages side by side (TrialDirector's side-by-side zones): over each, who gave
 * the statement and when, its record and BL pages, the words quoted; under them the page region
 * they were quoted from, as large as the half slide allows. Always current: a passage edited in
 * the register shows edited, one deleted says so.
 */
export function StatementsSlide({
  doc,
  caseId,
  slide,
}: {
  doc: Y.Doc;
  caseId: string;
  slide: Slide;
}) {
  const { t } = useTranslation('present');
  const refs = slide.passages ?? [];
  const key = refs.map((r) => `${r.statement}/${r.passage}`).join(' ');
  const found = useDoc(
    doc,
    (d) => refs.map((r) => registerOf(d).get(r.statement) as Y.Map<unknown> | undefined),
    (d) => refs.map((r) => slidePassage(d, r)),
    [key],
  );
  const files = useDoc(doc, (d) => [filesOf(d)], listFiles);
  return (
    <div className="slide slide--statements" data-testid="slide-statements">
      {slide.title && <h2 className="slide-statements__title">{slide.title}</h2>}
      <div className="slide-statements__zones">
        {found.map((entry, index) => {
          if (!entry)
            return (
              <section key={index} className="slide-statements__zone is-missing">
                <p>{t('passageMissing')}</p>
              </section>
            );
          const { statement, passage } = entry;
          const file = passage.file ? files.find((f) => f.hash === passage.file) : undefined;
          return (
            <section
              key={index}
              className="slide-statements__zone"
              data-testid="slide-statements-zone"
            >
              <h3>{statementHeading(statement, t('unknownPerson'))}</h3>
              <p className="slide-statements__meta">
                {[statement.name, statement.recordName, statement.pages]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <blockquote>“{passage.quote}”</blockquote>
              {file && passage.page && (
                <RegionCrop
                  caseId={caseId}
                  hash={file.hash}
                  mime={file.mime}
                  page={passage.page}
                  region={passage.region}
                  label={`${file.name}, ${passage.page}`}
                  className="slide-statements__region"
                />
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
