import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tickLabel } from '../../src/boards/timeline/axis.ts';
import {
  addBoard,
  addEntity,
  addLink,
  addNode,
  formatCaseTime,
  parseCaseTime,
  readTimeline,
  tickStep,
  ticks,
} from '../../src/core/index.ts';

const at = (s: string) => {
  const t = parseCaseTime(s);
  return t ? `${new Date(t.at).toISOString().slice(0, 16)} ${t.precision}` : null;
};

describe('case times', () => {
  it('reads times as prosecutors write them', () => {
    expect(at('21 giờ 30 phút ngày 14/3/2025')).toBe('2025-03-14T21:30 minute');
    expect(at('21h30 ngày 14/03/2025')).toBe('2025-03-14T21:30 minute');
    expect(at('14/03/2025 21:30')).toBe('2025-03-14T21:30 minute');
    expect(at('2025-03-14T21:30')).toBe('2025-03-14T21:30 minute');
    expect(at('Khoảng 22h ngày 15/3/2025')).toBe('2025-03-15T22:00 minute');
    expect(at('3 giờ chiều ngày 2/5/2024')).toBe('2024-05-02T15:00 minute');
    expect(at('11 giờ đêm 2/5/2024')).toBe('2024-05-02T23:00 minute');
    expect(at('ngày 14 tháng 3 năm 2025')).toBe('2025-03-14T00:00 day');
    expect(at('14.3.2025')).toBe('2025-03-14T00:00 day');
    expect(at('tháng 3/2025')).toBe('2025-03-01T00:00 month');
    expect(at('3/2025')).toBe('2025-03-01T00:00 month');
    expect(at('năm 2024')).toBe('2024-01-01T00:00 year');
    // NFD input (macOS, some input methods) reads the same.
    expect(at('21 giờ ngày 14/3/2025'.normalize('NFD'))).toBe('2025-03-14T21:00 minute');
  });

  it('refuses what is not a time rather than guessing', () => {
    for (const s of ['', 'hôm qua', '31/2/2025', '25:10 1/1/2025', '14/13/2025', 'abc 2025x'])
      expect(parseCaseTime(s)).toBeNull();
  });

  it('formats to the precision written, in either language', () => {
    expect(formatCaseTime(parseCaseTime('14/3/2025 21:30')!, 'vi')).toBe('21:30 14/03/2025');
    expect(formatCaseTime(parseCaseTime('14/3/2025 21:30')!, 'en')).toBe('2025-03-14 21:30');
    expect(formatCaseTime(parseCaseTime('3/2025')!, 'vi')).toBe('03/2025');
  });

  it('chooses ticks from minutes to years by zoom', () => {
    expect(tickStep(60_000 / 200)).toEqual({ unit: 'minute', count: 1 });
    expect(tickStep(3_600_000 / 100).unit).toBe('hour');
    expect(tickStep(86_400_000 / 100).unit).toBe('day');
    expect(tickStep(31_557_600_000 / 100).unit).toBe('year');
    const from = Date.UTC(2025, 0, 15);
    const months = ticks(from, Date.UTC(2025, 5, 1), { unit: 'month', count: 1 });
    expect(months.map((t) => new Date(t).getUTCMonth())).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('timeline', () => {
  it('places events in time order, a lane per person, evidence as badges, untimed aside', () => {
    const doc = new Y.Doc();
    const an = addEntity(doc, { kind: 'person', fields: { name: 'Nguyễn Văn Ấn' } }, 'me');
    const lap = addEntity(doc, { kind: 'person', fields: { name: 'Đỗ Thị Lập' } }, 'me');
    const cctv = addEntity(doc, { kind: 'evidence', fields: { name: 'Dữ liệu camera' } }, 'me');
    const knife = addEntity(doc, { kind: 'evidence', fields: { name: 'Con dao' } }, 'me');
    const e = (name: string, fields: Record<string, unknown>) =>
      addEntity(doc, { kind: 'event', fields: { name, ...fields } }, 'me');
    const fight = e('Xô xát', {
      start: '21:30 14/3/2025',
      end: '21:45 14/3/2025',
      people: [an, lap],
      evidence: [cctv],
    });
    e('Gặp nhau tại quán', { start: '20h ngày 14/3/2025', people: [lap] });
    e('Khám nghiệm hiện trường', { start: '15/3/2025' });
    e('Trao đổi qua điện thoại', { start: 'không rõ' });
    e('Mua dao', {});
    // Evidence linked to the event on an evidence chart also shows.
    const board = addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, 'me');
    const a = addNode(doc, { boardId: board, x: 0, y: 0, entity: knife }, 'me');
    const b = addNode(doc, { boardId: board, x: 0, y: 0, entity: fight }, 'me');
    addLink(doc, { boardId: board, source: a, target: b, type: 'supports' }, 'me');

    const timeline = readTimeline(doc);
    expect(timeline.items.map((i) => i.name)).toEqual([
      'Gặp nhau tại quán',
      'Xô xát',
      'Khám nghiệm hiện trường',
    ]);
    expect(timeline.lanes.map((l) => l.name)).toEqual(['Đỗ Thị Lập', 'Nguyễn Văn Ấn', '']);
    const xoXat = timeline.items[1]!;
    expect(xoXat.end?.until).toBe(Date.UTC(2025, 2, 14, 21, 46));
    expect(xoXat.evidence.map((x) => x.name)).toEqual(['Con dao', 'Dữ liệu camera']);
    expect(timeline.untimed.map((u) => u.name).sort()).toEqual([
      'Mua dao',
      'Trao đổi qua điện thoại',
    ]);
    expect(timeline.span).toEqual({ from: Date.UTC(2025, 2, 14, 20), to: Date.UTC(2025, 2, 16) });
  });
});

describe('the time axis', () => {
  const at = Date.UTC(2026, 2, 15);
  it('writes its dates as the rest of the page does, per language', () => {
    expect(tickLabel(at, 'day', 'vi')).toBe('15/03/2026');
    expect(tickLabel(at, 'day', 'en')).toBe('15 Mar 2026');
    expect(tickLabel(at, 'month', 'vi')).toBe('03/2026');
    expect(tickLabel(at, 'month', 'en')).toBe('Mar 2026');
    expect(tickLabel(at, 'year', 'en')).toBe('2026');
    expect(tickLabel(at, 'hour', 'vi')).toBe('00:00 15/03');
    expect(tickLabel(at, 'hour', 'en')).toBe('00:00 15 Mar');
    expect(tickLabel(at + 3_600_000 * 14 + 60_000 * 5, 'hour', 'en')).toBe('14:05');
  });
});
