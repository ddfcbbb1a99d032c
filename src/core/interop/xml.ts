import { SaxesParser } from 'saxes';
import { stripControls } from '../text.ts';
import { IMPORT_LIMITS, ImportError } from './model.ts';

/**
 * A small, guarded XML reader for the importers: bytes decoded by the declared encoding, entity
 * declarations refused (so "billion laughs" cannot expand), nesting limited, into a plain tree.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Decodes XML bytes by their BOM or `encoding="…"` declaration (UTF-8 when neither says). */
/**
 * Text for an XML attribute or element: markup characters escaped, control characters XML cannot
 * hold dropped (`stripControls`), tabs and line breaks as character references, so an attribute
 * keeps them (a parser would read a raw one in an attribute as a space).
 * @example escapeXml('a\tb\nc') // 'a&#9;b&#10;c'
 */
export function escapeXml(text: string): string {
  return stripControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length > IMPORT_LIMITS.bytes)
    throw new ImportError('tooLarge', { limit: IMPORT_LIMITS.bytes / 1024 / 1024 });
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  let label = 'utf-8';
  if (declared) {
    try {
      label = new TextDecoder(declared).encoding;
    } catch {
      throw new ImportError('badEncoding', { encoding: declared });
    }
  }
  return new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, '');
}

/** Parses XML text into a tree; `maxDepth` elements deep at most. */
export function parseXml(text: string, maxDepth = IMPORT_LIMITS.depth * 4 + 50): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: ImportError | null = null;
  parser.on('doctype', (doctype) => {
    // Internal entity declarations are how "billion laughs" and external-entity attacks begin.
    if (/<!ENTITY/i.test(doctype)) failure ??= new ImportError('xmlEntities');
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    if (stack.length > maxDepth) {
      failure = new ImportError('tooDeep', { limit: IMPORT_LIMITS.depth });
      return;
    }
    const element: XmlElement = {
      name: tag.name,
      attrs: { ...(tag.attributes as Record<string, string>) },
      children: [],
    };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    if (!failure) stack.pop();
  });
  const onText = (value: string) => {
    if (!failure && stack.length > 1) stack.at(-1)!.children.push(value);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (err) => {
    // The engine's text stays in the error for logs; people see the line (see interop locales).
    failure ??= new ImportError('badXml', {
      line: parser.line,
      message: String(err.message).slice(0, 200),
    });
  });
  try {
    // Fed in pieces, so a refused file stops early instead of being read to the end.
    for (let i = 0; i < text.length && !failure; i += 65_536)
      parser.write(text.slice(i, i + 65_536));
    if (!failure) parser.close();
  } catch (err) {
    failure ??= new ImportError('badXml', {
      line: parser.line,
      message: err instanceof Error ? err.message.slice(0, 200) : '',
    });
  }
  if (failure) throw failure;
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new ImportError('empty');
  return top;
}

export const elements = (node: XmlElement, name?: string): XmlElement[] =>
  node.children.filter(
    (c): c is XmlElement =>
      typeof c !== 'string' && (name === undefined || localName(c.name) === name),
  );

export const child = (node: XmlElement, name: string): XmlElement | undefined =>
  elements(node, name)[0];

/** The name without its namespace prefix (`xhtml:p` → `p`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/** The text inside an element, with block elements (p, br, li, div) as `lineBreak`s. */
export function textOf(node: XmlElement, lineBreak = '\n'): string {
  let out = '';
  const walk = (n: XmlNode) => {
    if (typeof n === 'string') {
      out += n;
      return;
    }
    const name = localName(n.name).toLowerCase();
    if (name === 'br') out += lineBreak;
    for (const c of n.children) walk(c);
    if (['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr'].includes(name))
      out += lineBreak;
  };
  for (const c of node.children) walk(c);
  return out;
}
