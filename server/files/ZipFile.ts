import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { isUnsafePath } from '../../src/core/interop/zip.ts';

/**
 * A zip archive read from a file on disk, one entry at a time, never whole into memory. Entries are
 * inflated by zlib's streaming inflater (in libuv's thread pool, off the event loop) and counted
 * while they inflate: an entry that passes its limit stops at the limit, whatever its headers
 * declare, so a zip bomb costs at most the limit in time, memory and disk.
 */

export type ZipProblem =
  | { code: 'badZip' }
  | { code: 'zipPath'; name: string }
  | { code: 'zipEntries'; limit: number }
  | { code: 'zipDuplicate'; name: string }
  | { code: 'entryTooLarge'; name: string; limit: number }
  | { code: 'totalTooLarge'; limit: number };

export class ZipReadError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.code);
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** What `extract` measured on the way through. */
export interface Extracted {
  sha256: string;
  size: number;
  /** The first bytes, for sniffing the type. */
  head: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Counts bytes through a stream and fails it at `limit`, before the byte past the limit is passed on. */
class Meter extends Transform {
  size = 0;
  head = Buffer.alloc(0);
  private readonly hash = createHash('sha256');
  constructor(
    private readonly limit: number,
    private readonly onTooLarge: () => ZipReadError,
    private readonly shared: { used: number; limit: number },
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    this.shared.used += chunk.length;
    if (this.size > this.limit) return done(this.onTooLarge());
    if (this.shared.used > this.shared.limit)
      return done(new ZipReadError({ code: 'totalTooLarge', limit: this.shared.limit }));
    if (this.head.length < 64) this.head = Buffer.concat([this.head, chunk.subarray(0, 64)]);
    this.hash.update(chunk);
    done(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

export class ZipFile {
  private constructor(
    private readonly path: string,
    private readonly entries: Map<string, Entry>,
    /** Inflated bytes allowed across every entry extracted from this archive. */
    private readonly budget: { used: number; limit: number },
  ) {}

  /** Reads the central directory of the zip at `path`; refuses unsafe names, duplicates and too many entries. */
  static async open(
    path: string,
    limits: { entries: number; totalBytes: number },
  ): Promise<ZipFile> {
    const file = await open(path, 'r');
    try {
      const entries = await readDirectory(file, limits.entries);
      return new ZipFile(path, entries, { used: 0, limit: limits.totalBytes });
    } finally {
      await file.close();
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * Inflates entry `name` into the file `to`, hashing it on the way; stops with `entryTooLarge` as
   * soon as more than `limit` bytes come out (and `totalTooLarge` past the archive's budget).
   */
  async extract(name: string, to: string, limit: number): Promise<Extracted> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipReadError({ code: 'badZip' });
    // Refuse at once what the directory already admits to; the meter catches what it hides.
    if (entry.declaredSize > limit) throw new ZipReadError({ code: 'entryTooLarge', name, limit });
    const start = await dataStart(this.path, entry);
    const meter = new Meter(
      limit,
      () => new ZipReadError({ code: 'entryTooLarge', name, limit }),
      this.budget,
    );
    const source = createReadStream(this.path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: 64 * 1024,
    });
    const out = createWriteStream(to);
    try {
      if (entry.compressedSize === 0) {
        source.destroy();
        out.end();
        await new Promise<void>((resolve, reject) => {
          out.once('finish', resolve);
          out.once('error', reject);
        });
      } else if (entry.method === 0) await pipeline(source, meter, out);
      else await pipeline(source, createInflateRaw({ chunkSize: 64 * 1024 }), meter, out);
    } catch (err) {
      if (err instanceof ZipReadError) throw err;
      throw new ZipReadError({ code: 'badZip' });
    }
    return { sha256: meter.digest(), size: meter.size, head: meter.head };
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipReadError({ code: 'badZip' });
  return buffer;
}

async function readDirectory(file: FileHandle, maxEntries: number): Promise<Map<string, Entry>> {
  const { size } = await file.stat();
  if (size < 22) throw new ZipReadError({ code: 'badZip' });
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(file, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  if (at < 0) throw new ZipReadError({ code: 'badZip' });
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (count > maxEntries) throw new ZipReadError({ code: 'zipEntries', limit: maxEntries });
  if (directoryOffset + directorySize > size) throw new ZipReadError({ code: 'badZip' });
  const directory = await readAt(file, directoryOffset, directorySize);
  const entries = new Map<string, Entry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL)
      throw new ZipReadError({ code: 'badZip' });
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    if (p + 46 + nameLength > directory.length) throw new ZipReadError({ code: 'badZip' });
    const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
    if (isUnsafePath(name)) throw new ZipReadError({ code: 'zipPath', name: name.slice(0, 120) });
    if (entries.has(name))
      throw new ZipReadError({ code: 'zipDuplicate', name: name.slice(0, 120) });
    const entry: Entry = {
      name,
      method: directory.readUInt16LE(p + 10),
      compressedSize: directory.readUInt32LE(p + 20),
      declaredSize: directory.readUInt32LE(p + 24),
      localOffset: directory.readUInt32LE(p + 42),
    };
    // Zip64 (sizes of 0xffffffff) is never written by CaseBoard; only stored and deflated entries.
    if (
      (entry.method !== 0 && entry.method !== 8) ||
      entry.compressedSize === 0xffffffff ||
      entry.localOffset + 30 + entry.compressedSize > size
    )
      throw new ZipReadError({ code: 'badZip' });
    entries.set(name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function dataStart(path: string, entry: Entry): Promise<number> {
  const file = await open(path, 'r');
  try {
    const local = await readAt(file, entry.localOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL) throw new ZipReadError({ code: 'badZip' });
    return entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await file.close();
  }
}
