import type * as Y from 'yjs';
import { addFileRecord } from '../core/commands/files.ts';
import { ImportError, type MindMapModel } from '../core/interop/model.ts';
import { LEGACY_ENCODING_NAMES } from '../core/legacyText.ts';
import { uploadFile } from '../files/api.ts';

/**
 * An image dropped onto a board: uploaded to the case file (stored once per SHA-256, listed in the
 * register's case file) and its hash returned for the node that shows it.
 */
export async function uploadDropped(
  caseId: string,
  doc: Y.Doc,
  origin: unknown,
  file: File,
  lang: string,
): Promise<string> {
  const uploaded = await uploadFile(caseId, file, lang, () => undefined);
  addFileRecord(
    doc,
    { hash: uploaded.hash, name: uploaded.name, mime: uploaded.mime, size: uploaded.size },
    origin,
  );
  return uploaded.hash;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Why a mind-map file was not imported, in the page's language (namespace `interop`), under an
 * import title: a refused file's documented reason, never an engine's English exception text.
 * @example importFailureText(t, 'map.xmind', err) // 'Không nhập được “map.xmind”: Tệp JSON bị lỗi…'
 */
export function importFailureText(t: Translate, name: string, err: unknown): string {
  const reason =
    err instanceof ImportError ? t(`errors.${err.code}`, err.params) : t('errors.unexpected');
  return t('importFailed', { name, reason });
}

/**
 * What a successful import brought in, and what of it was converted from an old encoding:
 * `Đã nhập 42 chủ đề từ “map.mm”. 40 đoạn văn bản được chuyển từ bảng mã TCVN3 (.VnTime) sang Unicode.`
 */
export const importedText = (
  t: Translate,
  name: string,
  count: number,
  sheets = 0,
  legacy?: MindMapModel['legacy'],
): string =>
  (sheets > 0 ? t('importedSheets', { count, name, sheets }) : t('imported', { count, name })) +
  (legacy
    ? ' ' +
      t('legacyConverted', {
        count: legacy.count,
        encoding: LEGACY_ENCODING_NAMES[legacy.encoding],
      })
    : '');

/** Images a board shows as they are: the kinds the case file previews. */
export const isDroppedImage = (file: File): boolean => /^image\/(png|jpeg|webp)$/.test(file.type);

/** Mind-map files that import as a branch. */
export const isDroppedMap = (file: File): boolean =>
  /\.(xmind|mm|opml|md|markdown)$/i.test(file.name);

/**
 * What a drop onto a board carries: files sorted into images and mind-map files, or the id of a
 * register entity dragged from the register (`entityType` is the register's drag type).
 */
export function readDrop(
  data: DataTransfer,
  entityType: string,
): { images: File[]; mapFile: File | null; entity: string | null } {
  const files = [...data.files];
  return {
    images: files.filter(isDroppedImage),
    mapFile: files.find(isDroppedMap) ?? null,
    entity: data.getData(entityType) || null,
  };
}

/** Whether a board lets a drag land: files or a register entity, never on a read-only board. */
export function acceptsDrop(data: DataTransfer, entityType: string, readOnly: boolean): boolean {
  return !readOnly && (data.types.includes(entityType) || data.types.includes('Files'));
}
