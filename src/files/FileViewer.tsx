import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  ArrowUpRight,
  Hand,
  Highlighter,
  MessageSquare,
  RotateCw,
  Search,
  X,
  ZoomIn,
  ZoomOut,
  ChevronLeft,
  ChevronRight,
  Maximize,
  MessageSquarePlus,
  Quote,
} from 'lucide-react';
import {
  addFileRecord,
  addMark,
  deleteMark,
  listMarks,
  updateMark,
  type CaseFile,
  type Mark,
  type MarkInput,
  type MarkKind,
} from '../core/commands/files.ts';
import { filesOf } from '../core/doc.ts';
import { fileUrl } from './api.ts';
import { PdfFile } from './pdf.ts';
import type { CalloutCopy } from './CalloutMark.tsx';
import { MarksLayer } from './MarksLayer.tsx';
import { NoteDialog } from './NoteDialog.tsx';
import { PassageDialog } from './PassageDialog.tsx';
import { useDoc } from '../sync/useDoc.ts';
import type { FileSpot } from './searchApi.ts';
import { FoundWords } from './FoundWords.tsx';

/** `region` draws a review note's region, `passage` a statement passage's. */
type Tool = 'pan' | MarkKind | 'region' | 'passage';

interface PageImage {
  src: string;
  width: number;
  height: number;
}

export interface FileViewerProps {
  caseId: string;
  file: CaseFile;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  onClose(): void;
  /** Opens at this page with these words highlighted (a search result). */
  spot?: FileSpot | undefined;
  /** Starts a review note on the page shown (its label is the case page's), when the person may. */
  /**
   * Review notes on a page: the button arms a tool that pins a note to a region drawn on the page
   * (a click: the whole page).
   */
  addNote?:
    | {
        label: string;
        onAdd(page: number, region: { x: number; y: number; w: number; h: number }): void;
      }
    | undefined;
}

const TOOLS: Array<{ tool: Tool; icon: typeof Hand }> = [
  { tool: 'pan', icon: Hand },
  { tool: 'highlight', icon: Highlighter },
  { tool: 'arrow', icon: ArrowUpRight },
  { tool: 'note', icon: MessageSquare },
  { tool: 'callout', icon: Search },
];

/**
 * Shows a case-file file: an image, or any page of a PDF (pdf.js, in the page), with zoom, pan,
 * rotation and marks saved in the case (highlight, arrow, note, callout).
 */
export function FileViewer({
  caseId,
  file,
  doc,
  origin,
  readOnly,
  onClose,
  spot,
  addNote,
}: FileViewerProps) {
  const { t } = useTranslation('register');
  const { t: tStatements } = useTranslation('statements');
  const url = fileUrl(caseId, file.hash);
  const isPdf = file.mime === 'application/pdf';
  const [page, setPage] = useState(spot?.page ?? 1);
  const [pageCount, setPageCount] = useState(file.pages ?? 1);
  const [image, setImage] = useState<PageImage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const [tool, setTool] = useState<Tool>('pan');
  const [noteAt, setNoteAt] = useState<{ x: number; y: number } | null>(null);
  const [passageAt, setPassageAt] = useState<{
    page: number;
    region: { x: number; y: number; w: number; h: number };
  } | null>(null);
  const drag = useRef<{ x: number; y: number; ox: number; oy: number } | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [stageSize, setStageSize] = useState({ width: 800, height: 600 });

  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setStageSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The PDF stays open while the viewer shows it (turning pages), and is destroyed when it closes.
  const pdf = useMemo(() => (isPdf ? new PdfFile(url) : null), [isPdf, url]);
  useEffect(() => () => pdf?.destroy(), [pdf]);
  useEffect(() => {
    let cancelled = false;
    setImage(null);
    setError(null);
    const load = pdf
      ? pdf.open().then(async (opened) => {
          if (!cancelled) setPageCount(opened.numPages);
          if (!readOnly && file.pages !== opened.numPages)
            addFileRecord(doc, { ...file, pages: opened.numPages }, origin);
          return pdf.renderPage(page, 2);
        })
      : new Promise<PageImage>((resolve, reject) => {
          const img = new Image();
          img.onload = () =>
            resolve({ src: url, width: img.naturalWidth, height: img.naturalHeight });
          img.onerror = () => reject(new Error(file.name));
          img.src = url;
        });
    load.then(
      (result) => !cancelled && setImage(result),
      (err: unknown) => !cancelled && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [url, page, pdf, doc, file, origin, readOnly]);

  const marks = useDoc(
    doc,
    (d) => [filesOf(d)],
    (d) => listMarks(d, file.hash, page),
    [file.hash, page],
  );
  const onAddMark = useCallback(
    (mark: MarkInput) => addMark(doc, { hash: file.hash, mark }, origin),
    [doc, file.hash, origin],
  );
  const onDeleteMark = useCallback(
    (id: string) => deleteMark(doc, { hash: file.hash, id }, origin),
    [doc, file.hash, origin],
  );
  const onMoveCallout = useCallback(
    (id: string, copy: CalloutCopy) => updateMark(doc, { hash: file.hash, id, mark: copy }, origin),
    [doc, file.hash, origin],
  );
  const closeNote = useCallback(() => setNoteAt(null), []);

  useEffect(() => {
    // While the note dialog is open, its keys are its own (Escape closes only the dialog).
    if (noteAt || passageAt) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      if (event.key === 'PageDown' || (event.key === 'ArrowRight' && tool === 'pan'))
        setPage((p) => Math.min(pageCount, p + 1));
      if (event.key === 'PageUp' || (event.key === 'ArrowLeft' && tool === 'pan'))
        setPage((p) => Math.max(1, p - 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, pageCount, tool, noteAt, passageAt]);

  const onPointerDown = (event: ReactPointerEvent) => {
    if (tool !== 'pan') return;
    drag.current = { x: event.clientX, y: event.clientY, ox: offset.x, oy: offset.y };
    (event.target as Element).setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: ReactPointerEvent) => {
    const start = drag.current;
    if (start)
      setOffset({ x: start.ox + event.clientX - start.x, y: start.oy + event.clientY - start.y });
  };
  const fit = () => {
    setZoom(1);
    setOffset({ x: 0, y: 0 });
  };

  // Zoom 1 fits the whole page in the stage (turned pages fit by their turned size).
  const turned = rotation % 180 !== 0;
  const pageW = image ? (turned ? image.height : image.width) : 1;
  const pageH = image ? (turned ? image.width : image.height) : 1;
  const fitScale = Math.min((stageSize.width - 32) / pageW, (stageSize.height - 32) / pageH);
  const width = image ? image.width * fitScale * zoom : 0;
  const height = image ? image.height * fitScale * zoom : 0;

  return (
    <div
      className="file-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={file.name}
      data-testid="file-viewer"
    >
      <div className="file-viewer__bar">
        <strong className="file-viewer__name">{file.name}</strong>
        {isPdf && (
          <span className="file-viewer__pages">
            <button
              type="button"
              onClick={() => setPage((p) => Math.max(1, p - 1))}
              disabled={page <= 1}
              title={t('viewer.prev')}
            >
              <ChevronLeft size={16} />
            </button>
            <span data-testid="viewer-page">{t('viewer.page', { page, count: pageCount })}</span>
            <button
              type="button"
              onClick={() => setPage((p) => Math.min(pageCount, p + 1))}
              disabled={page >= pageCount}
              title={t('viewer.next')}
            >
              <ChevronRight size={16} />
            </button>
          </span>
        )}
        <span className="file-viewer__tools">
          <button
            type="button"
            onClick={() => setZoom((z) => Math.min(8, z * 1.25))}
            title={t('viewer.zoomIn')}
            data-testid="viewer-zoom-in"
          >
            <ZoomIn size={16} />
          </button>
          <button
            type="button"
            onClick={() => setZoom((z) => Math.max(0.2, z / 1.25))}
            title={t('viewer.zoomOut')}
          >
            <ZoomOut size={16} />
          </button>
          <button type="button" onClick={fit} title={t('viewer.fit')}>
            <Maximize size={16} />
          </button>
          <button
            type="button"
            onClick={() => setRotation((r) => (r + 90) % 360)}
            title={t('viewer.rotate')}
            data-testid="viewer-rotate"
          >
            <RotateCw size={16} />
          </button>
          {TOOLS.filter((entry) => entry.tool === 'pan' || !readOnly).map(
            ({ tool: name, icon: Icon }) => (
              <button
                key={name}
                type="button"
                aria-pressed={tool === name}
                className={tool === name ? 'is-active' : undefined}
                onClick={() => setTool(name)}
                title={t(`viewer.${name}`)}
                data-testid={`viewer-tool-${name}`}
              >
                <Icon size={16} />
              </button>
            ),
          )}
        </span>
        {addNote && (
          <button
            type="button"
            onClick={() => setTool((current) => (current === 'region' ? 'pan' : 'region'))}
            aria-pressed={tool === 'region'}
            className={tool === 'region' ? 'is-active' : undefined}
            title={addNote.label}
            aria-label={addNote.label}
            data-testid="viewer-add-note"
          >
            <MessageSquarePlus size={16} />
          </button>
        )}
        {!readOnly && (
          <button
            type="button"
            onClick={() => setTool((current) => (current === 'passage' ? 'pan' : 'passage'))}
            aria-pressed={tool === 'passage'}
            className={tool === 'passage' ? 'is-active' : undefined}
            title={tStatements('fromRegion')}
            aria-label={tStatements('fromRegion')}
            data-testid="viewer-add-passage"
          >
            <Quote size={16} />
          </button>
        )}
        <button
          type="button"
          onClick={onClose}
          title={t('viewer.close')}
          data-testid="viewer-close"
        >
          <X size={18} />
        </button>
      </div>
      <div
        ref={stage}
        className={`file-viewer__stage tool-${tool}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onWheel={(event) => {
          if (!event.ctrlKey) return;
          setZoom((z) => Math.min(8, Math.max(0.2, z * (event.deltaY < 0 ? 1.1 : 1 / 1.1))));
        }}
      >
        {error && (
          <p className="file-viewer__error">{t('viewer.loadFailed', { message: error })}</p>
        )}
        {!image && !error && <p className="file-viewer__loading">{t('viewer.loading')}</p>}
        {image && (
          <div
            className="file-viewer__page"
            style={{
              width,
              height,
              transform: `translate(${offset.x}px, ${offset.y}px) rotate(${rotation}deg)`,
            }}
            data-testid="viewer-page-image"
            data-rotation={rotation}
          >
            <PageWithMarks
              image={image}
              marks={marks}
              tool={tool === 'passage' ? 'region' : tool}
              page={page}
              onAdd={onAddMark}
              onDelete={readOnly ? null : onDeleteMark}
              onMoveCallout={readOnly ? null : onMoveCallout}
              onAskNote={setNoteAt}
              onRegion={
                tool === 'passage'
                  ? (region) => setPassageAt({ page, region })
                  : addNote
                    ? (region) => addNote.onAdd(page, region)
                    : undefined
              }
              deleteLabel={t('viewer.deleteMark')}
            />
            {spot && spot.page === page && <FoundWords boxes={spot.boxes} />}
          </div>
        )}
      </div>
      {passageAt && (
        <PassageDialog
          doc={doc}
          origin={origin}
          file={file}
          page={passageAt.page}
          region={passageAt.region}
          onClose={() => {
            setPassageAt(null);
            setTool('pan');
          }}
        />
      )}
      {noteAt && (
        <NoteDialog
          onSave={(text) =>
            onAddMark({ kind: 'note', page, x: noteAt.x, y: noteAt.y, text, color: NOTE_COLOR })
          }
          onClose={closeNote}
        />
      )}
    </div>
  );
}

interface PageWithMarksProps {
  image: PageImage;
  marks: Mark[];
  tool: Exclude<Tool, 'passage'>;
  page: number;
  onAdd(mark: MarkInput): void;
  onDelete: ((id: string) => void) | null;
  onMoveCallout: ((id: string, copy: CalloutCopy) => void) | null;
  onAskNote(at: { x: number; y: number }): void;
  onRegion?: ((region: { x: number; y: number; w: number; h: number }) => void) | undefined;
  deleteLabel: string;
}

const NOTE_COLOR = '#d97706';

const PageWithMarks = memo(function PageWithMarks(props: PageWithMarksProps) {
  return <MarksLayer {...props} />;
});
