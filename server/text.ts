import { z } from 'zod';

/**
 * Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F). None belongs in a name,
 * a title or a label: NUL cuts strings short in C libraries, log lines and exported files, and the
 * others hide text or move the cursor when a log or a CSV is viewed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** `text` with every control character taken out, for echoing a hostile name back safely. */
export const withoutControlCharacters = (text: string): string =>
  text.replace(new RegExp(CONTROL.source, 'g'), '');

/** Whether `text` holds a control character. */
export const hasControlCharacter = (text: string): boolean => CONTROL.test(text);

/** A zod refinement for text fields read outside HTTP (commands, backup manifests). */
export const printable = (s: string) => !hasControlCharacter(s);
export const PRINTABLE_MESSAGE = 'Control characters (such as NUL) are not allowed.';
export const printableText = () => z.string().refine(printable, PRINTABLE_MESSAGE);

/** Secrets are compared, never shown; whatever bytes a person chose stay theirs. */
const SECRET_KEYS = new Set(['password', 'current', 'next']);

/**
 * The path (`title`, `offences.1`) of the first key or string value in a parsed request part that
 * holds a control character, or null. Secrets are skipped. Walked without recursion: a hostile
 * body may nest 100,000 levels deep.
 * @example controlCharacterAt({ title: 'a\u0000b' }) // 'title'
 */
export function controlCharacterAt(root: unknown): string | null {
  // Each entry links to its parent, so a path is only spelled out for a hit (copying paths on the
  // way down would cost the square of the depth).
  interface At {
    value: unknown;
    key: string;
    parent: At | null;
  }
  const pathOf = (at: At | null, key?: string): string => {
    const keys = key === undefined ? [] : [key];
    for (let a = at; a?.parent; a = a.parent) keys.unshift(a.key);
    return keys.join('.');
  };
  const pending: At[] = [{ value: root, key: '', parent: null }];
  for (let at = pending.pop(); at; at = pending.pop()) {
    const { value } = at;
    if (typeof value === 'string') {
      if (hasControlCharacter(value)) return pathOf(at);
      continue;
    }
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) continue;
    if (typeof (value as { pipe?: unknown }).pipe === 'function') continue; // a stream
    // Pushed in reverse, so the first field is looked at first and named when several are bad.
    for (const [key, inner] of Object.entries(value).reverse()) {
      if (hasControlCharacter(key)) return pathOf(at, key);
      if (SECRET_KEYS.has(key) && at.parent === null) continue;
      pending.push({ value: inner, key, parent: at });
    }
  }
  return null;
}
