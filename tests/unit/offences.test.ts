import { describe, expect, it } from 'vitest';
import {
  findOffence,
  formatOffence,
  isOffenceRef,
  migrateOffence,
  migrateOffences,
  searchOffences,
} from '../../src/core/offences.ts';
import { PENAL_CODE_ARTICLES } from '../../src/core/penalCode.ts';

describe('the Penal Code table', () => {
  it('holds each article once, in order, within Part Two, every name starting with "Tội"', () => {
    const numbers = PENAL_CODE_ARTICLES.map(([article]) => article);
    expect(new Set(numbers).size).toBe(numbers.length);
    const values = numbers.map((a) => Number.parseInt(a, 10) + (a.endsWith('a') ? 0.5 : 0));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.every((n) => n >= 108 && n <= 425)).toBe(true);
    expect(PENAL_CODE_ARTICLES.every(([, name]) => name.startsWith('Tội '))).toBe(true);
    expect(PENAL_CODE_ARTICLES.every(([, name]) => name === name.normalize('NFC'))).toBe(true);
  });

  it('names articles as the 2017 text does, checked against a source', () => {
    expect(findOffence('BLHS-260')?.name).toBe(
      'Tội vi phạm quy định về tham gia giao thông đường bộ',
    );
    expect(findOffence('BLHS-264')?.name).toBe(
      'Tội giao cho người không đủ điều kiện điều khiển phương tiện tham gia giao thông đường bộ',
    );
    expect(findOffence('BLHS-205')?.name).toBe('Tội lập quỹ trái phép');
    expect(findOffence('BLHS-272')?.name).toBe(
      'Tội vi phạm quy định về điều khiển phương tiện giao thông đường thủy',
    );
    expect(findOffence('BLHS-402')?.name).toBe('Tội đào ngũ');
    expect(findOffence('BLHS-310')?.name).toBe(
      'Tội vi phạm quy định về quản lý chất phóng xạ, vật liệu hạt nhân',
    );
    expect(searchOffences('cong trinh thuy loi, de dieu').map((o) => o.article)).toEqual(['238']);
    // Renamed by the 2017 law: the 2015 names ("quản lý, bảo vệ ...", "các quy định", "séc giả")
    // are gone.
    expect(findOffence('BLHS-232')?.name).toBe(
      'Tội vi phạm quy định về khai thác, bảo vệ rừng và lâm sản',
    );
    expect(findOffence('BLHS-208')?.name).toBe(
      'Tội làm, tàng trữ, vận chuyển, lưu hành công cụ chuyển nhượng giả hoặc các giấy tờ có giá giả khác',
    );
    expect(findOffence('BLHS-234')?.name).toBe('Tội vi phạm quy định về bảo vệ động vật hoang dã');
    expect(findOffence('BLHS-244')?.name).toBe(
      'Tội vi phạm quy định về bảo vệ động vật nguy cấp, quý, hiếm',
    );
  });

  it('shows an article whose 2017 name is not verified by its number alone, never a wrong name', () => {
    // 262 held the name of Article 204 of the 1999 code; the 2017 name is not verified yet.
    expect(formatOffence('BLHS-262')).toBe('Điều 262 BLHS');
    // 263 held a 1999 name too: since 2015, sending a driver (263) and handing a vehicle over
    // (264) are two offences.
    expect(findOffence('BLHS-263')?.name).toBe(
      'Tội điều động người không đủ điều kiện điều khiển phương tiện tham gia giao thông đường bộ',
    );
    expect(
      searchOffences(
        'dieu dong hoac giao cho nguoi khong du dieu kien dieu khien phuong tien tham gia',
      ),
    ).toEqual([]);
  });

  it('puts each article in its chapter: Chapter XXV holds the military offences, 393 to 420', () => {
    const chapter = (from: number, to: number) =>
      PENAL_CODE_ARTICLES.map(([a]) => Number.parseInt(a, 10)).filter((n) => n >= from && n <= to);
    // 392 says who answers for them; it is not an offence.
    expect(chapter(392, 392)).toEqual([]);
    expect(chapter(393, 420)).toEqual(
      expect.arrayContaining([393, 394, 395, 397, 398, 399, 402, 403, 404, 406, 407, 409, 413]),
    );
    // 399 is surrender, 400 talking to the enemy as a prisoner of war (the order of the 1999 code).
    expect(findOffence('BLHS-399')?.name).toBe('Tội đầu hàng địch');
    expect(findOffence('BLHS-409')?.name).toBe(
      'Tội vi phạm quy định về trực ban, trực chiến, trực chỉ huy',
    );
    // Chapter XXVI begins at 421.
    expect(findOffence('BLHS-421')?.name).toBe('Tội phá hoại hòa bình, gây chiến tranh xâm lược');
    // Chapter XXI, traffic: road 260–266, railway 267–271, waterway 272–276, air 277–284.
    expect(chapter(260, 284)).toEqual(
      expect.arrayContaining([260, 261, 264, 265, 266, 267, 268, 272, 273, 277, 278, 282]),
    );
    const railway = searchOffences('duong sat').map((o) => Number(o.article));
    expect(railway).toEqual(expect.arrayContaining([267, 268]));
    expect(railway.every((n) => n >= 267 && n <= 271)).toBe(true);
  });

  it('names the offences of the templates as the templates do', () => {
    expect(findOffence('BLHS-173')?.name).toBe('Tội trộm cắp tài sản');
    expect(findOffence('BLHS-174')?.name).toBe('Tội lừa đảo chiếm đoạt tài sản');
    expect(findOffence('BLHS-321')?.name).toBe('Tội đánh bạc');
  });
});

describe('offence references', () => {
  it('accepts the articles of Part Two, named or not, and nothing else', () => {
    expect(isOffenceRef('BLHS-173')).toBe(true);
    expect(isOffenceRef('BLHS-199')).toBe(true);
    expect(isOffenceRef('BLHS-217a')).toBe(true);
    expect(isOffenceRef('BLHS-51')).toBe(false);
    expect(isOffenceRef('BLHS-426')).toBe(false);
    expect(isOffenceRef('173')).toBe(false);
    expect(isOffenceRef('trộm cắp')).toBe(false);
  });

  it('shows an offence by article and name', () => {
    expect(formatOffence('BLHS-173')).toBe('Điều 173 BLHS — Tội trộm cắp tài sản');
    expect(formatOffence('BLHS-199')).toBe('Điều 199 BLHS');
    expect(formatOffence('trộm xe')).toBe('trộm xe');
  });
});

describe('offence search', () => {
  it('finds words of the name typed without diacritics', () => {
    expect(searchOffences('trom cap').map((o) => o.ref)).toEqual(['BLHS-173']);
    expect(searchOffences('lua dao').map((o) => o.ref)).toContain('BLHS-174');
    expect(searchOffences('ĐÁNH BẠC').map((o) => o.ref)).toEqual(['BLHS-321', 'BLHS-322']);
    expect(searchOffences('ma tuy').length).toBeGreaterThan(5);
  });

  it('finds an article by its number, with or without "Điều"', () => {
    expect(searchOffences('173')[0]?.ref).toBe('BLHS-173');
    expect(searchOffences('Điều 173')[0]?.ref).toBe('BLHS-173');
    expect(searchOffences('17').map((o) => o.article)).toContain('175');
    // An article the table does not name can still be picked by its number.
    expect(searchOffences('199')).toEqual([{ ref: 'BLHS-199', article: '199', name: null }]);
    expect(searchOffences('999')).toEqual([]);
  });
});

describe('migrating free-text offences', () => {
  it('turns a number, "Điều N", "Điều N BLHS" or the exact name into the article', () => {
    expect(migrateOffence('173')).toBe('BLHS-173');
    expect(migrateOffence(' Điều 173 ')).toBe('BLHS-173');
    expect(migrateOffence('điều 173 BLHS')).toBe('BLHS-173');
    expect(migrateOffence('Đ.173')).toBe('BLHS-173');
    expect(migrateOffence('Tội trộm cắp tài sản')).toBe('BLHS-173');
    expect(migrateOffence('trom cap tai san')).toBe('BLHS-173');
    expect(migrateOffence('BLHS-174')).toBe('BLHS-174');
  });

  it('keeps text that names no article as it was', () => {
    expect(migrateOffence('trộm xe máy')).toBe('trộm xe máy');
    expect(migrateOffence('51')).toBe('51');
    expect(migrateOffence('Điều 173 khoản 2 và Điều 174')).toBe('Điều 173 khoản 2 và Điều 174');
  });

  it('keeps each offence once', () => {
    expect(migrateOffences(['173', 'BLHS-173', 'Điều 174'])).toEqual(['BLHS-173', 'BLHS-174']);
  });
});
