/**
 * Text outlines ↔ topic trees: what pasting several lines into a mind map makes, and what copying a
 * subtree puts on the clipboard as text. Lines indented by tabs or spaces, or a Markdown list
 * ("- ", "* ", "+ ", "1. "), become a tree by their indentation.
 */

export interface OutlineNode {
  label: string;
  children: OutlineNode[];
}

const BULLET = /^(?:[-*+•]|\d+[.)])\s+/u;

/**
 * Parses pasted text into a forest. Blank lines are skipped; indentation is measured in columns
 * (a tab is 4), and a line indented deeper than its predecessor becomes its child.
 * @example parseOutline('Vụ án\n\tBị can\n\tBị hại') // [{ label: 'Vụ án', children: [{ label: 'Bị can', … }, …] }]
 */
export function parseOutline(text: string): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: Array<{ indent: number; node: OutlineNode }> = [];
  for (const raw of text.normalize('NFC').split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const leading = /^[\t ]*/u.exec(raw)?.[0] ?? '';
    const indent = [...leading].reduce((n, ch) => n + (ch === '\t' ? 4 : 1), 0);
    const label = raw
      .trim()
      .replace(BULLET, '')
      .replace(/^#+\s+/u, '')
      .trim();
    if (!label) continue;
    const node: OutlineNode = { label, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    stack.push({ indent, node });
  }
  return roots;
}

/** Writes a forest as tab-indented lines, the form other mind-map tools paste back as a tree. */
export function formatOutline(nodes: readonly OutlineNode[], depth = 0): string {
  return nodes
    .map(
      (node) =>
        '\t'.repeat(depth) +
        node.label +
        (node.children.length ? '\n' + formatOutline(node.children, depth + 1) : ''),
    )
    .join('\n');
}

/** Counts the nodes of a forest. */
export function countOutline(nodes: readonly OutlineNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countOutline(node.children), 0);
}
