import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachTopic, importMindMap } from '../../src/core/interop/index.ts';
import {
  convertLegacy,
  fixLegacyText,
  fixLegacyTexts,
  isVietnameseSyllable,
  scoreLegacyText,
} from '../../src/core/legacyText.ts';
import { encodeTcvn3, encodeVni, TONE_ORDER } from '../helpers/legacy.ts';

/** Bytes as Word, a PDF reader or a browser hands them over: read as Windows-1252. */
const cp1252 = (...bytes: number[]) =>
  new TextDecoder('windows-1252').decode(Uint8Array.from(bytes));
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SENTENCES = [
  'Cộng hòa xã hội chủ nghĩa Việt Nam',
  'Độc lập - Tự do - Hạnh phúc',
  'Viện kiểm sát nhân dân tỉnh Quảng Ngãi',
  'Người bị hại khai rằng lúc 21 giờ ngày 14/3/2003, Nguyễn Văn Hùng dùng dao đâm vào bụng anh Trần Quốc Tuấn.',
  'Biên bản khám nghiệm hiện trường vụ trộm cắp tài sản tại xã Hòa Khánh',
  'Kết luận giám định pháp y số 112/GĐPY: vết thương gây tổn hại 31% sức khỏe',
];

describe('legacy Vietnamese encodings', () => {
  it('reads hand-checked TCVN3 bytes (the .VnTime national motto), decoded as Windows-1252', () => {
    // "Céng hoµ x· héi chñ nghÜa ViÖt Nam", byte for byte.
    const motto = cp1252(
      ...ascii('C'),
      0xe9,
      ...ascii('ng ho'),
      0xb5,
      ...ascii(' x'),
      0xb7,
      ...ascii(' h'),
      0xe9,
      ...ascii('i ch'),
      0xf1,
      ...ascii(' ngh'),
      0xdc,
      ...ascii('a Vi'),
      0xd6,
      ...ascii('t Nam'),
    );
    expect(motto).toBe('Céng hoµ x· héi chñ nghÜa ViÖt Nam');
    expect(fixLegacyText(motto)).toEqual({
      text: 'Cộng hoà xã hội chủ nghĩa Việt Nam',
      encoding: 'tcvn3',
    });
    expect(fixLegacyText('§éc lËp - Tù do - H¹nh phóc').text).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(fixLegacyText('M\u00adêng Kh\u00ad¬ng, B¶o Th¾ng').text).toBe('Mường Khương, Bảo Thắng');
  });

  it('reads hand-checked VNI-Windows bytes, decoded as Windows-1252', () => {
    // "Ñoäc laäp - Töï do - Haïnh phuùc", byte for byte.
    const motto = cp1252(
      0xd1,
      ...ascii('o'),
      0xe4,
      ...ascii('c la'),
      0xe4,
      ...ascii('p - T'),
      0xf6,
      0xef,
      ...ascii(' do - Ha'),
      0xef,
      ...ascii('nh phu'),
      0xf9,
      ...ascii('c'),
    );
    expect(fixLegacyText(motto)).toEqual({ text: 'Độc lập - Tự do - Hạnh phúc', encoding: 'vni' });
    expect(fixLegacyText('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam').text).toBe(
      'Cộng hòa xã hội chủ nghĩa Việt Nam',
    );
    expect(fixLegacyText('Ngöôøi bò haïi').text).toBe('Người bị hại');
    expect(fixLegacyText('COÂNG AN TÆNH').text).toBe('CÔNG AN TỈNH');
  });

  it('converts every Vietnamese letter, in both cases, back to NFC', () => {
    const lower = [...'aăâeêioôơuưy'].flatMap((v) =>
      TONE_ORDER.map((t) => (v.normalize('NFD') + t).normalize('NFC')),
    );
    const letters = [...lower, 'đ'];
    for (const letter of letters) {
      expect(convertLegacy(encodeTcvn3(letter), 'tcvn3')).toBe(letter);
      expect(convertLegacy(encodeVni(letter), 'vni')).toBe(letter);
      expect(convertLegacy(encodeVni(letter.toUpperCase()), 'vni')).toBe(letter.toUpperCase());
    }
    for (const upper of 'ĂÂĐÊÔƠƯ') expect(convertLegacy(encodeTcvn3(upper), 'tcvn3')).toBe(upper);
  });

  it('detects and converts whole sentences of each encoding', () => {
    for (const sentence of SENTENCES) {
      const tcvn3 = encodeTcvn3(sentence);
      const vni = encodeVni(sentence);
      expect(tcvn3).not.toBe(sentence);
      expect(fixLegacyText(tcvn3)).toEqual({ text: sentence, encoding: 'tcvn3' });
      expect(fixLegacyText(vni)).toEqual({ text: sentence, encoding: 'vni' });
      expect(fixLegacyText(sentence).encoding).toBeNull();
    }
  });

  it('upper-cases a line set in .VnTimeH (capitals with the lower case codes)', () => {
    expect(fixLegacyText('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM').text).toBe(
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
    // A name in title case keeps its case: "Bµ" is "Bà", not "BÀ".
    expect(fixLegacyTexts(['Bµ', 'Ng\u00adêi bÞ h¹i']).texts).toEqual(['Bà', 'Người bị hại']);
  });

  it('reads a short label by the rest of its document', () => {
    const doc = fixLegacyTexts(['cã', 'Lêi khai cña bÞ can', 'https://example.org/a?b=1']);
    expect(doc).toEqual({
      texts: ['có', 'Lời khai của bị can', 'https://example.org/a?b=1'],
      encoding: 'tcvn3',
      converted: 2,
    });
  });

  it('in a document mixing Unicode and TCVN3, converts only the texts that are TCVN3 themselves', () => {
    const doc = fixLegacyTexts(['Có cá', 'Người làm chứng', 'Lêi khai cña bÞ can']);
    expect(doc.texts).toEqual(['Có cá', 'Người làm chứng', 'Lời khai của bị can']);
    expect(doc.converted).toBe(1);
  });

  it('never changes Unicode Vietnamese, English, French, German, code or URLs', () => {
    const corpus = [
      ...SENTENCES,
      'Có cá',
      'cá',
      'Bà',
      'Tôi',
      'Hà Nội',
      'Lê Văn Tám',
      'Vũ',
      'Lò',
      'Cô ấy',
      'Sổ tay',
      'Café au lait, s’il vous plaît',
      'Noël à Paris',
      'Où est la fête ? Très bien, déjà vu',
      'été',
      'Größe und Übermäßig, schön für Müller',
      'Straße',
      'El año pasado, señor',
      'naïve résumé',
      'Zoë’s coöperation',
      'Price: 5 × 3 ÷ 2 · total © 2024 ® «quoted» § 12 ¶ 3 ° ±',
      'const x = a?.b ?? "é"; // TODO',
      '<p>Hôtel</p>',
      'https://vi.wikipedia.org/wiki/Hà_Nội',
      'mailto:lê@example.com',
      'C:\\Users\\Müller\\Documents\\hồ sơ.docx',
      'São Paulo',
      'Ålesund',
      'İstanbul',
      'Øresund',
      'Ærø',
      'Þórshöfn',
      'Dvořák',
      'Łódź',
      '北京市',
      '左右双向思维导图',
      'dès que possible',
      'Wörterbuch',
      'Das Mädchen',
      'La mère',
      'déçu',
      'île',
      'maïs',
      'sûr',
      'âme',
    ];
    for (const text of corpus) {
      expect(fixLegacyText(text), text).toEqual({ text, encoding: null });
      expect(fixLegacyText(text.toUpperCase()).encoding, text.toUpperCase()).toBeNull();
    }
    expect(fixLegacyTexts(corpus)).toEqual({ texts: corpus, encoding: null, converted: 0 });
  });

  it('never changes the labels and notes of real maps (Vietnamese, English, Chinese)', () => {
    const dir = '/work/shared/fixtures/interop';
    const files = readdirSync(dir).filter((name) => /\.(mm|opml)$/.test(name));
    expect(files.length).toBeGreaterThanOrEqual(6);
    let texts = 0;
    for (const name of files) {
      const model = importMindMap(name, new Uint8Array(readFileSync(join(dir, name))));
      expect(model.legacy, name).toBeUndefined();
      const all: string[] = [];
      eachTopic(model.roots, (topic) => {
        all.push(topic.label);
        if (topic.note) all.push(topic.note);
      });
      texts += all.length;
      for (const text of all) expect(fixLegacyText(text).encoding, `${name}: ${text}`).toBeNull();
      expect(fixLegacyTexts(all).converted, name).toBe(0);
    }
    expect(texts).toBeGreaterThan(1_000);
  });

  it('has the limit docs/interop.md names: one French word that is also VNI', () => {
    expect(fixLegacyText('où').text).toBe('ó');
    expect(fixLegacyText('Où est la fête ?').encoding).toBeNull();
  });

  it('knows a Vietnamese syllable from a foreign word', () => {
    for (const word of [
      'người',
      'nghiêng',
      'khuỷu',
      'quốc',
      'giường',
      'ngoằn',
      'Việt',
      'kẻng',
      'hoà',
    ])
      expect(isVietnameseSyllable(word), word).toBe(true);
    for (const word of ['café', 'über', 'cen', 'kan', 'ghá', 'ngê', 'tàt', 'học sinh', 'Müller'])
      expect(isVietnameseSyllable(word), word).toBe(false);
    expect(scoreLegacyText('Ng\u00adêi bÞ h¹i').tcvn3).toEqual({ for: 3, against: 0 });
    expect(scoreLegacyText('Người bị hại').unicode).toBe(true);
  });
});
