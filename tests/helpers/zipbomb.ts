import { createHash } from 'node:crypto';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** One entry of a hand-made zip: its name, its deflated bytes and what they inflate to. */
export interface ZipEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
}

/** An ordinary entry, deflated in memory. */
export function smallEntry(name: string, data: Uint8Array): ZipEntry {
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/**
 * An entry that inflates to `head` followed by zeros up to `mib` MiB, deflated as a stream so the
 * inflated bytes are never held in memory (1,000 MiB deflate to about 1 MB). Returns the entry and
 * the SHA-256 of what it inflates to, as a backup manifest would name it. `declared` is the size its
 * headers claim: the true size, or a lie to get past a check of the directory.
 */
export async function bombEntry(
  head: Uint8Array,
  mib: number,
): Promise<{ hash: string; entry: (name: string, declared?: number) => ZipEntry; size: number }> {
  const zeros = Buffer.alloc(1024 * 1024);
  const size = mib * 1024 * 1024;
  const hash = createHash('sha256');
  let crc = 0;
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.once('end', resolve);
    deflate.once('error', reject);
  });
  const write = async (data: Uint8Array) => {
    hash.update(data);
    crc = crc32(data, crc);
    if (!deflate.write(data)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(head);
  let left = size - head.length;
  while (left > 0) {
    const part = left >= zeros.length ? zeros : zeros.subarray(0, left);
    await write(part);
    left -= part.length;
  }
  deflate.end();
  await done;
  const deflated = Buffer.concat(out);
  return {
    hash: hash.digest('hex'),
    size,
    entry: (name, declared = size) => ({ name, deflated, crc: crc >>> 0, size: declared }),
  };
}

/** A zip archive (deflated entries, no zip64) with honest headers, from entries. */
export function handMadeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
