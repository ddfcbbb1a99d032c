import type { FileType } from '../core/commands/files.ts';

/** A case-file file as the server lists it. */
export interface UploadedFile {
  hash: string;
  name: string;
  mime: FileType;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
  deduplicated?: boolean;
}

export class FileApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The URL the page reads a case's file from (same origin; the session cookie authorises it). */
export function fileUrl(caseId: string, hash: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/files/${hash}`;
}

/**
 * Uploads one file, reporting progress from 0 to 1. XHR rather than fetch, because only XHR reports
 * upload progress. The server answers in `lang`.
 */
export function uploadFile(
  caseId: string,
  file: File,
  lang: string,
  onProgress: (fraction: number) => void,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      `/api/cases/${encodeURIComponent(caseId)}/files?name=${encodeURIComponent(file.name.normalize('NFC'))}`,
    );
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept-Language', lang);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: { error?: string; message?: string } & Partial<UploadedFile> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON: reported below
      }
      if (xhr.status === 200 || xhr.status === 201) {
        onProgress(1);
        resolve(body as UploadedFile);
      } else {
        reject(
          new FileApiError(body.error ?? `http.${xhr.status}`, body.message ?? xhr.statusText),
        );
      }
    };
    xhr.onerror = () => reject(new FileApiError('network', 'network error'));
    xhr.send(file);
  });
}

export async function listCaseFiles(caseId: string): Promise<UploadedFile[]> {
  const res = await fetch(`/api/cases/${encodeURIComponent(caseId)}/files`);
  if (!res.ok) throw new FileApiError(`http.${res.status}`, res.statusText);
  return ((await res.json()) as { files: UploadedFile[] }).files;
}

/** Asks the server to hash the stored bytes again. */
export async function verifyFile(
  caseId: string,
  hash: string,
): Promise<{ ok: boolean; sha256: string; checkedAt: string }> {
  const res = await fetch(`${fileUrl(caseId, hash)}/verify`, { method: 'POST' });
  if (!res.ok) throw new FileApiError(`http.${res.status}`, res.statusText);
  return (await res.json()) as { ok: boolean; sha256: string; checkedAt: string };
}

/** "1,2 MB" / "340 KB", for people. */
export function formatSize(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(lang, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}
