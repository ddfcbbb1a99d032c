/**
 * Writes src/render/fontMetrics.json: the advance widths of Be Vietnam Pro (regular, semibold,
 * bold) for every character a Vietnamese or English label uses, in units of 1/1000 em, from the
 * TrueType files the PDF export embeds. The renderer measures and wraps text with them, in the page
 * and in Node alike. Run `npx tsx scripts/fontMetrics.ts` after changing the font;
 * tests/unit/render-metrics.test.ts fails when the table and the fonts disagree.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fontMetricsTable } from '../src/render/fontMetricsTable.ts';

const out = fileURLToPath(new URL('../src/render/fontMetrics.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(await fontMetricsTable())}\n`);
console.log(`wrote ${out}`);
