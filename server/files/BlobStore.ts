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

export interface StoredBlob {
  hash: string;
  mime: FileType;
  size: number;
  /** False when the same bytes were already stored (deduplicated). */
  created: boolean;
}

/**
 * Case-file bytes on disk under `DATA_DIR/files`, stored once per SHA-256
 * (`files/ab/abcdef…`). An upload streams to a temporary file while it is hashed, sniffed and
 * counted; only a complete, accepted upload is moved into place, so a refused or broken upload
 * leaves nothing behind.
 */
export class BlobStore {
  private readonly root: string;
  private readonly tmp: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'files');
    this.tmp = join(dataDir, 'tmp');
    mkdirSync(this.root, { recursive: true });
    mkdirSync(this.tmp, { recursive: true });
  }

  pathOf(hash: string): string {
    return join(this.root, hash.slice(0, 2), hash);
  }

  has(hash: string): boolean {
    return existsSync(this.pathOf(hash));
  }

  /** Stores an upload; throws `UploadError` for one that is too large, empty or of a refused type. */
  async put(source: Readable, maxBytes: number): Promise<StoredBlob> {
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
        const onEnd = () => out.end(() => resolve());
        source.on('data', onData);
        source.once('end', onEnd);
        source.once('error', stop);
        out.once('error', stop);
      });
      if (size === 0) throw new UploadError('files.empty');
      const mime = sniffType(head);
      if (!mime) throw new UploadError('files.badType');
      const digest = hash.digest('hex');
      if (this.has(digest)) {
        await rm(tempPath, { force: true });
        return { hash: digest, mime, size, created: false };
      }
      mkdirSync(join(this.root, digest.slice(0, 2)), { recursive: true });
      await rename(tempPath, this.pathOf(digest));
      return { hash: digest, mime, size, created: true };
    } catch (err) {
      out.destroy();
      await rm(tempPath, { force: true });
      throw err;
    }
  }

  open(hash: string): Readable {
    return createReadStream(this.pathOf(hash));
  }

  async size(hash: string): Promise<number> {
    return (await stat(this.pathOf(hash))).size;
  }

  /** Hashes the stored bytes again: the integrity check a prosecutor can run in court. */
  async rehash(hash: string): Promise<string> {
    const digest = createHash('sha256');
    for await (const chunk of this.open(hash)) digest.update(chunk as Buffer);
    return digest.digest('hex');
  }
}
