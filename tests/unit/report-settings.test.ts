import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromState, restoreVersion, validateCaseDoc } from '../../src/core/index.ts';
import {
  REPORT_SECTIONS,
  moveReportSection,
  readReportSettings,
  reportOf,
  setReportCover,
  setReportFigures,
  setReportSection,
} from '../../src/core/report/index.ts';

const O = 'test';

describe('report settings in the case document', () => {
  it('reads defaults from a case that has none: every section on, in the default order', () => {
    const settings = readReportSettings(new Y.Doc());
    expect(settings.sections.map((s) => s.id)).toEqual([...REPORT_SECTIONS]);
    expect(settings.sections.every((s) => s.enabled && !s.before && !s.after)).toBe(true);
    expect(settings.cover).toEqual({ procuracy: '', prosecutor: '', date: '' });
  });

  it('moves a section up and down, and a move that changes nothing writes nothing', () => {
    const doc = new Y.Doc();
    moveReportSection(doc, 'deadlines', 0, O);
    moveReportSection(doc, 'summary', 2, O);
    const ids = readReportSettings(doc).sections.map((s) => s.id);
    expect(ids.slice(0, 3)).toEqual(['deadlines', 'people', 'summary']);
    const before = Y.encodeStateAsUpdate(doc);
    moveReportSection(doc, 'summary', 2, O);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('merges two people writing two sections at once: both texts survive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setReportSection(a, 'summary', { before: 'Ý kiến của Lập' }, O);
    setReportSection(b, 'proof', { after: 'Đề xuất của Ấn' }, O);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      const sections = readReportSettings(doc).sections;
      expect(sections.find((s) => s.id === 'summary')!.before).toBe('Ý kiến của Lập');
      expect(sections.find((s) => s.id === 'proof')!.after).toBe('Đề xuất của Ấn');
    }
  });

  it('refuses bad settings with a code and changes nothing', () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => setReportCover(doc, { date: '2/4/2026' }, O)).toThrow(
      expect.objectContaining({ code: 'report.badSettings' }),
    );
    expect(() => setReportSection(doc, 'nope' as never, { enabled: false }, O)).toThrow(/nope/);
    expect(() => setReportSection(doc, 'people', { before: 'x'.repeat(20_001) }, O)).toThrow();
    expect(() =>
      setReportFigures(
        doc,
        Array.from({ length: 31 }, (_, i) => `b${i}`),
        O,
      ),
    ).toThrow();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('stores text in NFC', () => {
    const doc = new Y.Doc();
    setReportCover(doc, { prosecutor: ' Nguyễn Văn Ấn '.normalize('NFD') }, O);
    expect(readReportSettings(doc).cover.prosecutor).toBe('Nguyễn Văn Ấn');
  });

  it('is checked by the update check: a Yjs type, an unknown key or a bad value is a problem', () => {
    const doc = new Y.Doc();
    setReportSection(doc, 'people', { enabled: false }, O);
    expect(validateCaseDoc(doc)).toEqual([]);
    reportOf(doc).set('order', { type: 'order', sections: ['people', 'hacked'] });
    reportOf(doc).set('evil', { type: 'cover' });
    reportOf(doc).set('section:summary', new Y.Map());
    reportOf(doc).set('section:proof', {
      type: 'section',
      id: 'people',
      enabled: true,
      before: '',
      after: '',
    });
    const problems = validateCaseDoc(doc).map((p) => p.path);
    expect(problems).toEqual(
      expect.arrayContaining([
        'report/order.sections.1',
        'report/evil',
        'report/section:summary',
        'report/section:proof.id',
      ]),
    );
    // Readers skip what breaks the rules.
    expect(readReportSettings(doc).sections.find((s) => s.id === 'summary')!.enabled).toBe(true);
    expect(validateCaseDoc(doc, [['report', 'evil']])).toHaveLength(1);
  });

  it('is restored with a version', () => {
    const doc = new Y.Doc();
    setReportCover(doc, { procuracy: 'VKSND tỉnh Lâm Đồng' }, O);
    const version = docFromState(Y.encodeStateAsUpdate(doc));
    setReportCover(doc, { procuracy: 'Khác' }, O);
    setReportSection(doc, 'people', { enabled: false }, O);
    restoreVersion(doc, version, O);
    const settings = readReportSettings(doc);
    expect(settings.cover.procuracy).toBe('VKSND tỉnh Lâm Đồng');
    expect(settings.sections.find((s) => s.id === 'people')!.enabled).toBe(true);
  });
});
