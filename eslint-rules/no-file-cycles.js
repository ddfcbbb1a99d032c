// @ts-check
/**
 * `caseboard/no-file-cycles`: no file of src/ may reach itself through static imports, type-only
 * imports included (import-x/no-cycle skips those, and four cycles hid behind them). Dynamic
 * `import()` does not count: a lazily loaded module is not part of its importer's graph.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const STATIC_IMPORT = /^\s*(?:import|export)\b[^;'"()]*?(?:from\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Files of `root` in an import cycle, each with the cycle it is in. @param {string} root */
function filesInCycles(root) {
  const files = sourceFiles(root);
  /** @type {Map<string, string[]>} */
  const edges = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [];
    for (const match of text.matchAll(STATIC_IMPORT)) {
      const target = resolve(dirname(file), /** @type {string} */ (match[1]));
      if (edges.has(target) || files.includes(target)) targets.push(target);
    }
    edges.set(file, targets);
  }
  // Tarjan's strongly connected components.
  let index = 0;
  /** @type {Map<string, number>} */ const order = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {Map<string, string[]>} */ const cycles = new Map();
  /** @param {string} v */
  const visit = (v) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (low.get(w))));
      } else if (onStack.has(w))
        low.set(v, Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (order.get(w))));
    }
    if (low.get(v) !== order.get(v)) return;
    const component = [];
    let w;
    do {
      w = /** @type {string} */ (stack.pop());
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) for (const file of component) cycles.set(file, component);
  };
  for (const file of files) if (!order.has(file)) visit(file);
  return cycles;
}

/** @type {Map<string, Map<string, string[]>>} */
const cache = new Map();

/** @type {import('eslint').Rule.RuleModule} */
export const noFileCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles between files, type-only imports included.' },
    schema: [],
    messages: { cycle: 'Import cycle (type imports included): {{files}}' },
  },
  create(context) {
    const file = context.physicalFilename;
    const root = resolve(context.cwd, 'src');
    if (!file.startsWith(root)) return {};
    if (!cache.has(root)) cache.set(root, filesInCycles(root));
    const cycle = cache.get(root)?.get(file);
    if (!cycle) return {};
    return {
      Program(node) {
        const files = cycle.map((f) => f.slice(root.length + 1)).join(' ↔ ');
        context.report({ node, messageId: 'cycle', data: { files } });
      },
    };
  },
};
