import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { nanoid } from 'nanoid';
import { SNIFF_BYTES, sniffType } from './sniff.ts';
import type { FileType } from '../../src/core/commands/files.ts';

export class UploadError extends Error {
  constructor(readonly code: 'files.tooLarge' | 'files.badType' | 'files.empty') {
    super(code);
  }
}

/** The upload's client went away before sending all of it. */
export class UploadAborted extends Error {
  constructor() {
    super('upload aborted');
  }
}

export interface StoredBlob {
  hash: string;
  mime: FileType;
  size: number;
  /** False when the same bytes were already stored (deduplicated). */
  created: boolean;
}

/**
 * Case-file bytes, stored once per SHA-256. An upload streams to a temporary file (under
 * `DATA_DIR/tmp`) while it is hashed, sniffed and counted; only a complete, accepted upload is
 * kept, so a refused or broken upload leaves nothing behind. Where the bytes are kept is the
 * subclass's: a folder (`FileBlobStore`) or PostgreSQL (`PgBlobStore`).
 */
export abstract class BlobStore {
  protected readonly tmp: string;

  constructor(dataDir: string) {
    this.tmp = join(dataDir, 'tmp');
    mkdirSync(this.tmp, { recursive: true });
  }

  abstract has(hash: string): Promise<boolean>;
  abstract open(hash: string): Readable;
  abstract size(hash: string): Promise<number>;
  /** Keeps the complete file at `path` as `hash` (it may be kept already); the caller removes it. */
  protected abstract keep(path: string, hash: string): Promise<void>;

  /** Stores an upload; throws `UploadError` for one that is too large, empty or of a refused type. */
  async put(source: Readable, maxBytes: number): Promise<StoredBlob> {
    // A stream someone else has read already would never end: refuse it before opening a file.
    if (source.readableEnded || source.destroyed) throw new UploadAborted();
    const tempPath = join(this.tmp, nanoid());
    const out = createWriteStream(tempPath);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      await new Promise<void>((resolve, reject) => {
        const stop = (err: unknown) => {
          source.off('data', onData);
          source.off('end', onEnd);
          source.off('close', onClose);
          // Let the rest of a refused upload drain (not destroy the socket), so the person gets the answer.
          source.resume();
          reject(err);
        };
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return stop(new UploadError('files.tooLarge'));
          if (head.length < SNIFF_BYTES) {
            head = Buffer.concat([head, chunk]);
            if (head.length >= SNIFF_BYTES && !sniffType(head))
              return stop(new UploadError('files.badType'));
          }
          hash.update(chunk);
          if (!out.write(chunk)) {
            source.pause();
            out.once('drain', () => source.resume());
          }
        };
        const onEnd = () => {
          source.off('close', onClose);
          out.end(() => resolve());
        };
        // The client left (a reset, or a socket closed without an error): stop, remove the file.
        const onClose = () => {
          if (!source.readableEnded) stop(new UploadAborted());
        };
        source.on('data', onData);
        source.once('end', onEnd);
        source.once('close', onClose);
        source.once('error', () => stop(new UploadAborted()));
        out.once('error', stop);
      });
      if (size === 0) throw new UploadError('files.empty');
      const mime = sniffType(head);
      if (!mime) throw new UploadError('files.badType');
      const digest = hash.digest('hex');
      const created = !(await this.has(digest));
      if (created) await this.keep(tempPath, digest);
      return { hash: digest, mime, size, created };
    } finally {
      out.destroy();
      await rm(tempPath, { force: true });
    }
  }

  /** Hashes the stored bytes again: the integrity check a prosecutor can run in court. */
  async rehash(hash: string): Promise<string> {
    const digest = createHash('sha256');
    for await (const chunk of this.open(hash)) digest.update(chunk as Buffer);
    return digest.digest('hex');
  }
}

/** Bytes on disk under `DATA_DIR/files` (`files/ab/abcdef…`): the embedded default. */
export class FileBlobStore extends BlobStore {
  private readonly root: string;

  constructor(dataDir: string) {
    super(dataDir);
    this.root = join(dataDir, 'files');
    mkdirSync(this.root, { recursive: true });
  }

  pathOf(hash: string): string {
    return join(this.root, hash.slice(0, 2), hash);
  }

  async has(hash: string): Promise<boolean> {
    return existsSync(this.pathOf(hash));
  }

  open(hash: string): Readable {
    return createReadStream(this.pathOf(hash));
  }

  async size(hash: string): Promise<number> {
    return (await stat(this.pathOf(hash))).size;
  }

  protected async keep(path: string, hash: string): Promise<void> {
    mkdirSync(join(this.root, hash.slice(0, 2)), { recursive: true });
    await rename(path, this.pathOf(hash));
  }
}
