import { importFreeMind } from './freemind.ts';
import { IMPORT_LIMITS, ImportError, type MindMapModel } from './model.ts';
import { importOpml } from './opml.ts';
import { importMarkdown } from './markdown.ts';
import { importXMind } from './xmind.ts';
import { isZip } from './zip.ts';

export * from './model.ts';
export { importFreeMind } from './freemind.ts';
export { importOpml } from './opml.ts';
export { importMarkdown } from './markdown.ts';
export { importPlainText } from './text.ts';
export { importXMind } from './xmind.ts';
export * from './export.ts';
export { readZip, writeZip, isZip, isUnsafePath } from './zip.ts';

export const MIND_MAP_EXTENSIONS = ['.xmind', '.mm', '.opml', '.md', '.markdown', '.txt'] as const;

/**
 * Reads a mind-map file of any supported kind, chosen by its extension and then its content.
 * @example importMindMap('so-do.mm', bytes).roots[0].label
 */
export function importMindMap(name: string, bytes: Uint8Array): MindMapModel {
  if (bytes.length === 0) throw new ImportError('empty');
  if (bytes.length > IMPORT_LIMITS.bytes)
    throw new ImportError('tooLarge', { limit: IMPORT_LIMITS.bytes / 1024 / 1024 });
  const lower = name.toLowerCase();
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 400))
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart();
  if (lower.endsWith('.xmind') || isZip(bytes)) return importXMind(bytes);
  if (lower.endsWith('.mm') || /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<map[\s>]/.test(head))
    return importFreeMind(bytes);
  if (lower.endsWith('.opml') || /<opml[\s>]/.test(head)) return importOpml(bytes);
  if (
    lower.endsWith('content.json') ||
    lower.endsWith('content.xml') ||
    /<xmap-content[\s>]/.test(head)
  )
    return importXMind(bytes);
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return importMarkdown(bytes);
  if (head.startsWith('<')) throw new ImportError('unknownFormat', { name: name.slice(0, 120) });
  return importMarkdown(bytes);
}
