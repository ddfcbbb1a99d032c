import type * as Y from 'yjs';
import { addFileRecord } from '../core/commands/files.ts';
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
