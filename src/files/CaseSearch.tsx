import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { FilePlus2, Quote, Search } from 'lucide-react';
import { listEntities } from '../core/commands/register.ts';
import { registerOf } from '../core/doc.ts';
import { useDoc } from '../sync/useDoc.ts';
import { listFiles } from '../core/commands/files.ts';
import { listStatements } from '../core/statements.ts';
import { citeHit, evidenceFromHit, hitRegion, snippetText } from './citeHit.ts';
import { PassageDialog } from './PassageDialog.tsx';
import { searchCaseFile, type SearchAnswer, type SearchHit } from './searchApi.ts';
import './caseFile.css';

/**
 * Something more to do with a found page, shown as a button beside the built-in ones (e.g. "add
 * as a statement passage", wired by the statements feature).
 */
export interface SearchResultAction {
  id: string;
  label: string;
  run(hit: SearchHit): void;
}

interface CaseSearchProps {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  lang: string;
  /** Whether the server reads scans; false shows that OCR is off. */
  ocr: boolean | null;
  onOpen(hit: SearchHit): void;
  resultActions?: readonly SearchResultAction[] | undefined;
}

const DEBOUNCE_MS = 300;

type Found =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'done'; q: string; answer: SearchAnswer }
  | { state: 'failed'; message: string };

/**
 * The search box over the whole case file: results with file, page, BL and the passage (matched
 * words marked); a result opens the page with the words highlighted, or becomes an evidence item
 * or a citation in one step.
 */
export function CaseSearch(props: CaseSearchProps) {
  const { caseId, lang, ocr } = props;
  const { t } = useTranslation('caseFile');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const [said, setSaid] = useState<string | null>(null);

  useEffect(() => {
    const query = q.trim();
    if (query === '') {
      setFound({ state: 'idle' });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setFound({ state: 'searching' });
      searchCaseFile(caseId, query, lang, abort.signal).then(
        (answer) => setFound({ state: 'done', q: query, answer }),
        (err: unknown) => {
          if (!abort.signal.aborted)
            setFound({
              state: 'failed',
              message: err instanceof Error ? err.message : String(err),
            });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [caseId, q, lang]);

  return (
    <section className="case-search" aria-label={t('search.label')} data-testid="case-search">
      <label className="case-search__box">
        <Search size={16} aria-hidden />
        <input
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.target.value);
            setSaid(null);
          }}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          data-testid="case-search-input"
        />
      </label>
      {ocr === false && (
        <p className="case-search__off" role="note" data-testid="ocr-off">
          {t('reading.ocrOff')}
        </p>
      )}
      {said && (
        <p className="case-search__said" role="status" data-testid="case-search-said">
          {said}
        </p>
      )}
      <SearchOutcome {...props} found={found} onSaid={setSaid} />
    </section>
  );
}

function SearchOutcome(props: CaseSearchProps & { found: Found; onSaid(message: string): void }) {
  const { found, doc } = props;
  const { t } = useTranslation('caseFile');
  const entities = useDoc(
    doc,
    (d) => [registerOf(d)],
    (d) => listEntities(d),
  );
  const statements = useDoc(
    doc,
    (d) => [registerOf(d)],
    (d) => listStatements(d).length,
  );
  if (found.state === 'idle') return null;
  if (found.state === 'searching') return <p className="muted">{t('search.searching')}</p>;
  if (found.state === 'failed')
    return (
      <p className="case-search__error" role="alert">
        {t('search.failed', { message: found.message })}
      </p>
    );
  const { answer, q } = found;
  if (answer.results.length === 0)
    return (
      <p className="muted" data-testid="case-search-none">
        {t('search.none', { q })}
      </p>
    );
  return (
    <>
      <p className="muted" data-testid="case-search-count">
        {t('search.count', { count: answer.total, q })}
        {answer.total > answer.results.length &&
          ` ${t('search.more', { shown: answer.results.length, count: answer.total })}`}
      </p>
      <ol className="case-search__results">
        {answer.results.map((hit) => (
          <HitRow
            key={`${hit.hash}/${hit.page}`}
            hit={hit}
            doc={doc}
            origin={props.origin}
            readOnly={props.readOnly}
            entities={entities}
            statements={statements}
            onOpen={props.onOpen}
            onSaid={props.onSaid}
            actions={props.resultActions}
          />
        ))}
      </ol>
    </>
  );
}

interface HitRowProps {
  hit: SearchHit;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  entities: ReturnType<typeof listEntities>;
  /** How many statements the case has: with none, a hit cannot become a passage. */
  statements: number;
  onOpen(hit: SearchHit): void;
  onSaid(message: string): void;
  actions: readonly SearchResultAction[] | undefined;
}

const HitRow = memo(function HitRow({
  hit,
  doc,
  origin,
  readOnly,
  entities,
  statements,
  onOpen,
  onSaid,
  actions,
}: HitRowProps) {
  const { t } = useTranslation('caseFile');
  const [passage, setPassage] = useState(false);
  const where =
    hit.bl !== null ? t('search.bl', { bl: hit.bl }) : t('search.page', { page: hit.page });
  // Without BL numbering a page cannot be cited by number: only evidence can take the file.
  const citable = useMemo(
    () => (hit.bl !== null ? entities : entities.filter((e) => e.kind === 'evidence')),
    [entities, hit.bl],
  );
  const act = (work: () => string) => {
    try {
      onSaid(work());
    } catch (err) {
      onSaid(t('action.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  const makeEvidence = () =>
    act(() => {
      const file = hit.name.replace(/\.[^.]{1,5}$/, '');
      const name = t('action.evidenceName', { file, where });
      evidenceFromHit(doc, hit, name, origin);
      return t('action.madeEvidence', { name });
    });
  const cite = (entityId: string) =>
    act(() => {
      const entity = citable.find((e) => e.id === entityId);
      const added = citeHit(doc, entityId, hit, origin);
      const what = added.bl ? where : t('action.fileOnly');
      return t('action.cited', { what, name: entity?.name ?? '' });
    });

  return (
    <li className="case-search__hit" data-testid="search-hit" data-page={hit.page}>
      <button
        type="button"
        className="case-search__open"
        onClick={() => onOpen(hit)}
        title={t('search.open', { page: hit.page, name: hit.name })}
        data-testid="search-hit-open"
      >
        <span className="case-search__where">
          <strong>{hit.name}</strong>
          <span className="case-search__page">
            {t('search.page', { page: hit.page })}
            {hit.bl !== null && ` · ${t('search.bl', { bl: hit.bl })}`}
          </span>
          {hit.encoding && (
            <span className="case-search__ocr" data-testid="search-hit-converted">
              {t('search.converted', { encoding: hit.encoding === 'tcvn3' ? 'TCVN3' : 'VNI' })}
            </span>
          )}
          {hit.source === 'ocr' && (
            <span className="case-search__ocr" title={t('search.ocr')}>
              OCR
            </span>
          )}
        </span>
        <span className="case-search__snippet" data-testid="search-hit-snippet">
          {hit.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
        </span>
      </button>
      {!readOnly && (
        <div className="case-search__actions">
          <button type="button" onClick={makeEvidence} data-testid="search-hit-evidence">
            <FilePlus2 size={14} aria-hidden /> {t('action.evidence')}
          </button>
          {citable.length > 0 && (
            <select
              value=""
              onChange={(event) => event.target.value && cite(event.target.value)}
              aria-label={t('action.citeTo')}
              title={hit.bl === null ? t('action.citeNoBl') : t('action.citeTo')}
              data-testid="search-hit-cite"
            >
              <option value="">{t('action.cite')}</option>
              {citable.map((entity) => (
                <option key={entity.id} value={entity.id}>
                  {entity.name}
                </option>
              ))}
            </select>
          )}
          {statements > 0 && (
            <button type="button" onClick={() => setPassage(true)} data-testid="search-hit-passage">
              <Quote size={14} aria-hidden /> {t('action.passage')}
            </button>
          )}
          {actions?.map((action) => (
            <button
              key={action.id}
              type="button"
              onClick={() => action.run(hit)}
              data-testid={`search-hit-${action.id}`}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
      {passage && (
        <HitPassage doc={doc} origin={origin} hit={hit} onClose={() => setPassage(false)} />
      )}
    </li>
  );
});

/** A found page made a statement's passage: the found words as the quote, their region kept. */
function HitPassage({
  doc,
  origin,
  hit,
  onClose,
}: {
  doc: Y.Doc;
  origin: unknown;
  hit: SearchHit;
  onClose(): void;
}) {
  const file = useMemo(() => listFiles(doc).find((f) => f.hash === hit.hash), [doc, hit.hash]);
  if (!file) return null;
  const quote = snippetText(hit)
    .replace(/^(?:…|\.\.\.)\s*|\s*(?:…|\.\.\.)$/g, '')
    .trim();
  return (
    <PassageDialog
      doc={doc}
      origin={origin}
      file={file}
      page={hit.page}
      region={hitRegion(hit)}
      quote={quote}
      onClose={onClose}
    />
  );
}
