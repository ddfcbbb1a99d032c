import { readdirSync } from 'node:fs';
import { interopDir, interopFixture } from '../helpers/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import {
  IMPORT_LIMITS,
  ImportError,
  importFreeMind,
  importMarkdown,
  importMindMap,
  importOpml,
  importPlainText,
  importXMind,
} from '../../src/core/index.ts';
import { interopTexts } from '../../src/export/locales.ts';
import { random } from '../helpers/random.ts';

/** `STRESS=1` (npm run test:stress) tries ten times as many. */
const MUTATIONS = process.env.STRESS === '1' ? 4000 : 400;

const fixtures = readdirSync(interopDir())
  .filter((name) => !name.endsWith('.md'))
  .map((name) => ({ name, bytes: interopFixture(name) }));

function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const out = new Uint8Array(bytes);
  const kind = Math.floor(next() * 4);
  if (kind === 0) return out.subarray(0, Math.floor(next() * out.length)); // truncated
  if (kind === 1) {
    for (let i = 0; i < 20; i++) out[Math.floor(next() * out.length)] = Math.floor(next() * 256);
    return out; // bytes flipped
  }
  if (kind === 2) {
    // A span repeated: unbalanced tags, repeated attributes, odd nesting.
    const from = Math.floor(next() * out.length);
    const span = out.subarray(from, Math.min(out.length, from + 200));
    const at = Math.floor(next() * out.length);
    const joined = new Uint8Array(out.length + span.length);
    joined.set(out.subarray(0, at));
    joined.set(span, at);
    joined.set(out.subarray(at), at + span.length);
    return joined;
  }
  return zipSync({ 'content.json': out.subarray(0, Math.floor(next() * out.length)) }); // a bad archive
}

describe('importers under mutated real files', () => {
  it(`either import or refuse with their documented error, for ${MUTATIONS} mutations (seed 20261125)`, () => {
    const { next } = random(20261125);
    let refused = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      const fixture = fixtures[i % fixtures.length]!;
      const input = mutate(fixture.bytes, next);
      try {
        importMindMap(fixture.name, input);
      } catch (err) {
        expect(err, `mutation ${i} of ${fixture.name}`).toBeInstanceOf(ImportError);
        refused++;
      }
    }
    // Most mutations break the file; some leave it readable.
    expect(refused).toBeGreaterThan(100);
  });
});

/** Every value of JSON, for putting where a reader expects something else. */
function randomValue(next: () => number, depth = 0): unknown {
  const kind = Math.floor(next() * (depth > 2 ? 6 : 8));
  if (kind === 0) return null;
  if (kind === 1) return next() < 0.5;
  if (kind === 2) return Math.floor(next() * 1e9) * (next() < 0.5 ? -1 : 1);
  if (kind === 3) return 'x'.repeat(Math.floor(next() * 5));
  if (kind === 4) return 1e308 * 10 * (next() < 0.5 ? 1 : -1) || 0;
  if (kind === 5) return '';
  if (kind === 6) return Array.from({ length: 3 }, () => randomValue(next, depth + 1));
  return { title: randomValue(next, depth + 1), children: randomValue(next, depth + 1) };
}

/** Every path to a value inside `tree` (objects and arrays alike). */
function pathsOf(tree: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (tree && typeof tree === 'object')
    for (const [key, value] of Object.entries(tree)) {
      const path = [...prefix, Array.isArray(tree) ? Number(key) : key];
      out.push(path);
      pathsOf(value, path, out);
    }
  return out;
}

function setAt(tree: unknown, path: (string | number)[], value: unknown): void {
  let at = tree as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
}

const codes = (err: unknown) => (err instanceof ImportError ? err.code : `${err}`);

describe('XMind JSON of the wrong shape', () => {
  const sheet = JSON.parse(
    new TextDecoder().decode(interopFixture('xmind-viewer-example-content.json')),
  );
  // The paths the reader looks at: a wrong type anywhere else is simply ignored.
  const read = new Set([
    'rootTopic',
    'title',
    'children',
    'attached',
    'detached',
    'summary',
    'notes',
    'plain',
    'content',
    'branch',
    'id',
    'relationships',
    'end1Id',
    'end2Id',
  ]);
  const paths = pathsOf(sheet).filter((path) =>
    path.every((key) => typeof key === 'number' || read.has(key)),
  );

  it(`refuses a wrong type at any path with ImportError, never a TypeError (${MUTATIONS} tries, seed 19)`, () => {
    const { next } = random(19);
    let refused = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      const copy = structuredClone(sheet) as unknown;
      const changes = 1 + Math.floor(next() * 3);
      const where: string[] = [];
      for (let c = 0; c < changes; c++) {
        const path = paths[Math.floor(next() * paths.length)]!;
        try {
          setAt(copy, path, randomValue(next));
          where.push(path.join('.'));
        } catch {
          // An earlier change replaced a parent of this path.
        }
      }
      try {
        importMindMap('content.json', new TextEncoder().encode(JSON.stringify(copy)));
      } catch (err) {
        expect(err, `try ${i}: ${where.join(', ')}: ${codes(err)}`).toBeInstanceOf(ImportError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(MUTATIONS / 10);
  });

  it.each([
    [
      'attached children that are a number',
      '{"rootTopic":{"title":"a","children":{"attached":5}}}',
    ],
    ['a null topic', '[{"rootTopic":{"children":{"attached":[null]}}}]'],
    [
      'detached topics that are an object',
      '{"rootTopic":{"title":"a","children":{"detached":{}}}}',
    ],
    ['relationships that are a number', '{"rootTopic":{"title":"a"},"relationships":3}'],
    [
      'a relationship title that is a number',
      '{"rootTopic":{"title":"a"},"relationships":[{"end1Id":"x","end2Id":"y","title":5}]}',
    ],
  ])('refuses %s as malformed XMind', (_what, json) => {
    let caught: unknown;
    try {
      importXMind(new TextEncoder().encode(json));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ImportError);
    expect(caught).toMatchObject({ code: 'malformed', params: { format: 'XMind' } });
  });
});

describe('a label longer than a topic holds', () => {
  const long = 'Lời khai '.repeat(Math.ceil((IMPORT_LIMITS.label + 10) / 9));
  const encode = (text: string) => new TextEncoder().encode(text);
  it.each([
    ['Markdown', () => importMarkdown(encode(`# ${long}\n`))],
    ['plain text', () => importPlainText(encode(`${long}\n  con`))],
    ['OPML', () => importOpml(encode(`<opml><body><outline text="${long}"/></body></opml>`))],
    ['FreeMind', () => importFreeMind(encode(`<map><node TEXT="${long}"/></map>`))],
    ['XMind', () => importXMind(encode(JSON.stringify({ rootTopic: { title: long } })))],
  ])('is refused in %s with labelTooLong, before anything is written', (_format, read) => {
    let caught: unknown;
    try {
      read();
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({
      code: 'labelTooLong',
      params: { limit: IMPORT_LIMITS.label, start: long.slice(0, 40).trimEnd() },
    });
  });
});

describe('every refusal a person can see', () => {
  it('has a Vietnamese and an English sentence that shows no engine text', () => {
    const raised = new Set<string>();
    const { next } = random(7);
    const tries: [string, Uint8Array][] = [
      ['a.md', new Uint8Array()],
      ['content.json', new TextEncoder().encode('[{"rootTopic":')],
      ['a.mm', new TextEncoder().encode('<map><node TEXT="a">')],
      ['a.xmind', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])],
      ['a.opml', new TextEncoder().encode('<html/>')],
      ['content.json', new TextEncoder().encode('{"rootTopic":{"children":{"attached":7}}}')],
    ];
    for (let i = 0; i < 200; i++) {
      const fixture = fixtures[i % fixtures.length]!;
      tries.push([fixture.name, mutate(fixture.bytes, next)]);
    }
    for (const [name, bytes] of tries)
      try {
        importMindMap(name, bytes);
      } catch (err) {
        raised.add((err as ImportError).code);
      }
    expect(raised.size).toBeGreaterThan(4);
    for (const code of [...raised, 'labelTooLong', 'malformed', 'unexpected'])
      for (const lang of ['vi', 'en'] as const) {
        const text = (interopTexts[lang].errors as Record<string, string>)[code];
        expect(text, `${lang} errors.${code}`).toBeTruthy();
        expect(text, `${lang} errors.${code}`).not.toContain('{{message}}');
      }
  });
});
