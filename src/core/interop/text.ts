/** Indented plain text (pasted outlines, .txt files) as a map. */
import { fixLegacyText } from '../legacyText.ts';
import { parseOutline } from '../outline.ts';
import {
  cleanText,
  IMPORT_LIMITS,
  ImportError,
  importer,
  TreeGuard,
  type MapTopic,
  type MindMapModel,
} from './model.ts';

/** Lines indented by tabs or spaces (or as a list) become a tree by their indentation. */
export const importPlainText = importer('text', (bytes: Uint8Array): MindMapModel => {
  const forest = parseOutline(decodeText(bytes));
  const guard = new TreeGuard();
  const convert = (nodes: ReturnType<typeof parseOutline>, depth: number): MapTopic[] =>
    nodes.map((n) => {
      guard.check(depth);
      return { label: cleanText(n.label), children: convert(n.children, depth + 1) };
    });
  const roots = convert(forest, 0);
  if (roots.length === 0) throw new ImportError('empty');
  return { title: roots[0]!.label, roots, relationships: [] };
});

/**
 * Text bytes as UTF-8, or else as old Vietnamese Windows files are: TCVN3 and VNI bytes kept as
 * Windows-1252 characters for the importer to convert (`fixLegacyMap`), anything else Windows-1258.
 * In NFC.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length > IMPORT_LIMITS.bytes)
    throw new ImportError('tooLarge', { limit: IMPORT_LIMITS.bytes / 1024 / 1024 });
  try {
    return new TextDecoder('utf-8', { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .normalize('NFC');
  } catch {
    // Not UTF-8. Windows-1258 would compose TCVN3's and VNI's bytes into other letters, so those
    // are read as the Windows-1252 they were typed in; other old Vietnamese files are Windows-1258.
    const western = new TextDecoder('windows-1252').decode(bytes);
    if (fixLegacyText(western).encoding) return western.normalize('NFC');
    return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  }
}
