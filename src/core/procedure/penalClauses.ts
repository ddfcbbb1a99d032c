/**
 * The penalty frames (khung hình phạt) of the common offences, clause by clause: each clause's
 * highest penalty, from which its class follows (classes.ts, Điều 9 BLHS). Penal Code 2015
 * (100/2015/QH13) as amended by Law 12/2017/QH14 (consolidated 01/VBHN-VPQH), in force 1 January
 * 2018; Law 86/2025/QH15, in force 1 July 2025, abolished the death penalty for Article 250 among
 * others, so Article 250 clause 4 has two rows. A later amendment is a new row with its `from`
 * day, never an edit of an old one.
 *
 * FIGURES MUST BE CHECKED AGAINST THE CURRENT TEXT. They were written from the text of the 2017
 * consolidation as the author knows it; rows marked `verify` are the ones the author was least
 * sure of (they are listed in docs/review.md and shown to nobody). Only clauses that carry a
 * penalty frame are listed: a clause of additional penalties (e.g. 173 khoản 5) is not a clause
 * an offence is charged under.
 */
import type { MaxPenalty } from './classes.ts';

export interface PenaltyClause {
  article: string;
  clause: number;
  /** The frame as printed, e.g. "phạt tù từ 12 năm đến 20 năm". */
  frame: string;
  max: MaxPenalty;
  /** 'Khoản 4 Điều 173 BLHS 2015 (sửa đổi 2017)'. */
  source: string;
  /** First day in force. */
  from: string;
  /** Last day in force, when a later row replaces it. */
  to?: string;
  verify?: true;
}

const CODE_2017 = 'BLHS 2015 (sửa đổi 2017)';
const IN_FORCE_2018 = '2018-01-01';

type Row = [clause: number, frame: string, max: MaxPenalty, verify?: true];

function article(number: string, rows: Row[]): PenaltyClause[] {
  return rows.map(([clause, frame, max, verify]) => ({
    article: number,
    clause,
    frame,
    max,
    source: `Khoản ${clause} Điều ${number} ${CODE_2017}`,
    from: IN_FORCE_2018,
    ...(verify ? { verify } : {}),
  }));
}

const UP_TO_3 = 'cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 tháng đến 03 năm';

export const PENALTY_CLAUSES: readonly PenaltyClause[] = [
  ...article('123', [
    [1, 'phạt tù từ 12 năm đến 20 năm, tù chung thân hoặc tử hình', 'death'],
    [2, 'phạt tù từ 07 năm đến 15 năm', 15],
    [3, 'chuẩn bị phạm tội: phạt tù từ 01 năm đến 05 năm', 5],
  ]),
  ...article('134', [
    [1, UP_TO_3, 3],
    [2, 'phạt tù từ 02 năm đến 06 năm', 6],
    [3, 'phạt tù từ 05 năm đến 10 năm', 10],
    [4, 'phạt tù từ 07 năm đến 14 năm', 14],
    [5, 'phạt tù từ 12 năm đến 20 năm hoặc tù chung thân', 'life', true],
    [6, 'chuẩn bị phạm tội: cải tạo không giam giữ đến 02 năm', 2, true],
  ]),
  ...article('168', [
    [1, 'phạt tù từ 03 năm đến 10 năm', 10],
    [2, 'phạt tù từ 07 năm đến 15 năm', 15],
    [3, 'phạt tù từ 12 năm đến 20 năm', 20],
    [4, 'phạt tù từ 18 năm đến 20 năm hoặc tù chung thân', 'life'],
    [5, 'chuẩn bị phạm tội: phạt tù từ 01 năm đến 05 năm', 5],
  ]),
  ...article('171', [
    [1, 'phạt tù từ 01 năm đến 05 năm', 5],
    [2, 'phạt tù từ 03 năm đến 10 năm', 10],
    [3, 'phạt tù từ 07 năm đến 15 năm', 15],
    [4, 'phạt tù từ 12 năm đến 20 năm hoặc tù chung thân', 'life', true],
  ]),
  ...article('173', [
    [1, UP_TO_3, 3],
    [2, 'phạt tù từ 02 năm đến 07 năm', 7],
    [3, 'phạt tù từ 07 năm đến 15 năm', 15],
    [4, 'phạt tù từ 12 năm đến 20 năm', 20],
  ]),
  ...article('174', [
    [1, UP_TO_3, 3],
    [2, 'phạt tù từ 02 năm đến 07 năm', 7],
    [3, 'phạt tù từ 07 năm đến 15 năm', 15],
    [4, 'phạt tù từ 12 năm đến 20 năm hoặc tù chung thân', 'life'],
  ]),
  ...article('175', [
    [1, UP_TO_3, 3],
    [2, 'phạt tù từ 02 năm đến 07 năm', 7],
    [3, 'phạt tù từ 05 năm đến 12 năm', 12],
    [4, 'phạt tù từ 12 năm đến 20 năm', 20],
  ]),
  ...article('178', [
    [1, 'phạt tiền, cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 tháng đến 03 năm', 3],
    [2, 'phạt tù từ 02 năm đến 05 năm', 5],
    [3, 'phạt tù từ 05 năm đến 10 năm', 10],
    [4, 'phạt tù từ 10 năm đến 20 năm', 20],
  ]),
  ...article('249', [
    [1, 'phạt tù từ 01 năm đến 05 năm', 5],
    [2, 'phạt tù từ 05 năm đến 10 năm', 10],
    [3, 'phạt tù từ 10 năm đến 15 năm', 15],
    [4, 'phạt tù từ 15 năm đến 20 năm hoặc tù chung thân', 'life'],
  ]),
  ...article('250', [
    [1, 'phạt tù từ 02 năm đến 07 năm', 7],
    [2, 'phạt tù từ 07 năm đến 15 năm', 15],
    [3, 'phạt tù từ 15 năm đến 20 năm', 20],
  ]),
  {
    article: '250',
    clause: 4,
    frame: 'phạt tù 20 năm, tù chung thân hoặc tử hình',
    max: 'death',
    source: `Khoản 4 Điều 250 ${CODE_2017}`,
    from: IN_FORCE_2018,
    to: '2025-06-30',
  },
  {
    article: '250',
    clause: 4,
    frame: 'phạt tù 20 năm hoặc tù chung thân',
    max: 'life',
    source: 'Khoản 4 Điều 250 BLHS 2015 (sửa đổi 2017, 2025 — Luật 86/2025/QH15)',
    from: '2025-07-01',
    verify: true,
  },
  ...article('251', [
    [1, 'phạt tù từ 02 năm đến 07 năm', 7],
    [2, 'phạt tù từ 07 năm đến 15 năm', 15],
    [3, 'phạt tù từ 15 năm đến 20 năm', 20],
    [4, 'phạt tù 20 năm, tù chung thân hoặc tử hình', 'death'],
  ]),
  ...article('260', [
    [1, 'phạt tiền, cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 01 năm đến 05 năm', 5],
    [2, 'phạt tù từ 03 năm đến 10 năm', 10],
    [3, 'phạt tù từ 07 năm đến 15 năm', 15],
    [4, 'cải tạo không giam giữ đến 01 năm hoặc phạt tù từ 03 tháng đến 01 năm', 1, true],
  ]),
  ...article('290', [
    [1, UP_TO_3, 3],
    [2, 'phạt tù từ 02 năm đến 07 năm', 7],
    [3, 'phạt tù từ 07 năm đến 15 năm', 15],
    [4, 'phạt tù từ 12 năm đến 20 năm', 20],
  ]),
  ...article('318', [
    [1, 'phạt tiền, cải tạo không giam giữ đến 02 năm hoặc phạt tù từ 03 tháng đến 02 năm', 2],
    [2, 'phạt tù từ 02 năm đến 07 năm', 7],
  ]),
  ...article('321', [
    [1, 'phạt tiền, cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 tháng đến 03 năm', 3],
    [2, 'phạt tù từ 03 năm đến 07 năm', 7],
  ]),
  ...article('322', [
    [1, 'phạt tiền hoặc phạt tù từ 01 năm đến 05 năm', 5],
    [2, 'phạt tù từ 05 năm đến 10 năm', 10],
  ]),
];

/**
 * The clauses of `article` in force on `day` (today when absent), in order; empty for an article
 * this table does not cover (the user then gives the maximum or the class by hand).
 * @example clausesOf('173').map((c) => c.max) // [3, 7, 15, 20]
 */
export function clausesOf(article: string, day?: string): PenaltyClause[] {
  const on = day ?? new Date().toISOString().slice(0, 10);
  return PENALTY_CLAUSES.filter(
    (c) => c.article === article && c.from <= on && (c.to === undefined || on <= c.to),
  ).sort((a, b) => a.clause - b.clause);
}
