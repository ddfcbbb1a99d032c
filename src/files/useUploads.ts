import { useCallback, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { addFileRecord, FILE_TYPES, type FileType } from '../core/commands/files.ts';
import { attachFile } from '../core/commands/register.ts';
import { uploadFile, type UploadedFile } from './api.ts';

export interface UploadItem {
  id: number;
  name: string;
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  message?: string;
  hash?: string;
}

/**
 * Uploads many files at once, each with its own progress, and records each finished one in the case
 * document (and on an evidence item, when given). Returns the queue to show and the start function.
 */
export function useUploads(caseId: string, doc: Y.Doc, origin: unknown, lang: string) {
  const [items, setItems] = useState<UploadItem[]>([]);
  // Ids of this queue's items (each list of uploads counts its own).
  const nextId = useRef(1);
  const update = (id: number, patch: Partial<UploadItem>) =>
    setItems((all) => all.map((item) => (item.id === id ? { ...item, ...patch } : item)));

  const start = useCallback(
    (files: Iterable<File>, attachTo?: string): Promise<UploadedFile[]> => {
      const jobs = [...files].map(async (file) => {
        const id = nextId.current++;
        setItems((all) => [
          ...all,
          { id, name: file.name.normalize('NFC'), progress: 0, state: 'uploading' },
        ]);
        try {
          const uploaded = await uploadFile(caseId, file, lang, (progress) =>
            update(id, { progress }),
          );
          if (!FILE_TYPES.includes(uploaded.mime as FileType)) throw new Error(uploaded.mime);
          addFileRecord(
            doc,
            { hash: uploaded.hash, name: uploaded.name, mime: uploaded.mime, size: uploaded.size },
            origin,
          );
          if (attachTo) attachFile(doc, { entityId: attachTo, hash: uploaded.hash }, origin);
          update(id, { state: 'done', progress: 1, hash: uploaded.hash });
          return uploaded;
        } catch (err) {
          update(id, {
            state: 'failed',
            message: err instanceof Error ? err.message : String(err),
          });
          return null;
        }
      });
      return Promise.all(jobs).then((all) => all.filter((f): f is UploadedFile => f !== null));
    },
    [caseId, doc, origin, lang],
  );

  const clearFinished = useCallback(
    () => setItems((all) => all.filter((item) => item.state === 'uploading')),
    [],
  );
  return { items, start, clearFinished };
}
