import type { FileType } from '../../src/core/commands/files.ts';

/**
 * The type of a file from its first bytes (its "magic number"), never from its name or the type
 * the browser claims: a PNG renamed .pdf is a PNG, an executable renamed .jpg is refused.
 * @example sniffType(Buffer.from('%PDF-1.7')) // 'application/pdf'
 */
export function sniffType(head: Uint8Array): FileType | null {
  const starts = (bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** Bytes needed to tell every accepted type apart. */
export const SNIFF_BYTES = 12;
