import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { IMPORT_LIMITS, ImportError } from './model.ts';

/**
 * Zip archives read with care: entry names that climb out of the archive (`../`, absolute paths)
 * are refused, and so are archives that would unpack past the size limit (zip bombs). Sizes are
 * checked from the directory before anything is inflated, and again after.
 */
export function readZip(
  bytes: Uint8Array,
  wanted?: (name: string) => boolean,
  limits: { bytes: number; entries: number } = {
    bytes: IMPORT_LIMITS.zipBytes,
    entries: IMPORT_LIMITS.zipEntries,
  },
): Unzipped {
  if (bytes.length > limits.bytes)
    throw new ImportError('tooLarge', { limit: limits.bytes / 1024 / 1024 });
  let entries = 0;
  let declared = 0;
  let out: Unzipped;
  try {
    out = unzipSync(bytes, {
      filter: (file) => {
        if (++entries > limits.entries)
          throw new ImportError('zipEntries', { limit: limits.entries });
        if (isUnsafePath(file.name))
          throw new ImportError('zipPath', { name: file.name.slice(0, 120) });
        if (wanted && !wanted(file.name)) return false;
        declared += file.originalSize;
        if (declared > limits.bytes || file.originalSize > 40 * Math.max(file.size, 1) * 1024)
          throw new ImportError('zipBomb', { limit: limits.bytes / 1024 / 1024 });
        return true;
      },
    });
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError('badZip', {
      message: err instanceof Error ? err.message.slice(0, 200) : '',
    });
  }
  let total = 0;
  for (const data of Object.values(out)) total += data.length;
  if (total > limits.bytes) throw new ImportError('zipBomb', { limit: limits.bytes / 1024 / 1024 });
  return out;
}

export function isUnsafePath(name: string): boolean {
  const normal = name.replace(/\\/g, '/');
  return (
    normal.startsWith('/') ||
    /^[A-Za-z]:/.test(normal) ||
    normal.split('/').some((part) => part === '..') ||
    normal.includes('\0')
  );
}

/** Writes a zip archive (deflated) from names and bytes. */
export function writeZip(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { level: 6 });
}

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
