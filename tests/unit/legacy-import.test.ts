import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { importedText } from '../../src/canvas/drop.ts';
import { eachTopic, importMindMap, type MindMapModel } from '../../src/core/interop/index.ts';
import { installInteropTexts } from '../../src/export/locales.ts';
import { encodeTcvn3, encodeVni } from '../helpers/legacy.ts';

const MAP = {
  root: 'Vụ án cố ý gây thương tích',
  children: ['Lời khai của bị hại', 'Người làm chứng: bà Trần Thị Hoa', 'Vật chứng: con dao'],
  note: 'Bị can khai nhận đã dùng dao đâm anh Tuấn.\nBL 45, 46 và 47',
};
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Text as Windows-1252 bytes: TCVN3 and VNI need none of 0x80–0x9F, so Latin-1's are those. */
const cp1252Bytes = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const xmlAttr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\n/g, '&#xa;');

function freeMind(encode: (s: string) => string): string {
  const children = MAP.children.map((label) => `<node TEXT="${xmlAttr(encode(label))}"/>`).join('');
  return `<map version="1.0.1"><node TEXT="${xmlAttr(encode(MAP.root))}"><richcontent TYPE="NOTE"><html><body><p>${encode(MAP.note).replace(/\n/g, '</p><p>')}</p></body></html></richcontent>${children}</node></map>`;
}

function opml(encode: (s: string) => string, declared: string): string {
  const children = MAP.children
    .map((label) => `<outline text="${xmlAttr(encode(label))}"/>`)
    .join('');
  return `<?xml version="1.0" encoding="${declared}"?><opml version="2.0"><head><title>${encode(MAP.root)}</title></head><body><outline text="${xmlAttr(encode(MAP.root))}" _note="${xmlAttr(encode(MAP.note))}">${children}</outline></body></opml>`;
}

function texts(model: MindMapModel): string[] {
  const all: string[] = [];
  eachTopic(model.roots, (topic) => {
    all.push(topic.label);
    if (topic.note) all.push(topic.note);
  });
  return all;
}

async function notice(lang: 'vi' | 'en', model: MindMapModel, name: string) {
  const i18n = createInstance();
  await i18n.init({
    lng: lang,
    resources: {},
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  installInteropTexts(i18n);
  return importedText(i18n.getFixedT(lang, 'interop'), name, 4, 0, model.legacy);
}

describe('importing maps written in TCVN3 or VNI', () => {
  const cases = [
    {
      name: 'so-do-tcvn3.mm',
      bytes: utf8(freeMind(encodeTcvn3)),
      encoding: 'tcvn3',
      label: 'TCVN3 (.VnTime)',
    },
    {
      name: 'so-do-vni.mm',
      bytes: utf8(freeMind(encodeVni)),
      encoding: 'vni',
      label: 'VNI-Windows',
    },
    // Old tools wrote the bytes as they were and declared Latin-1.
    {
      name: 'so-do-tcvn3.opml',
      bytes: cp1252Bytes(opml(encodeTcvn3, 'ISO-8859-1')),
      encoding: 'tcvn3',
      label: 'TCVN3 (.VnTime)',
    },
    {
      name: 'so-do-vni.opml',
      bytes: utf8(opml(encodeVni, 'UTF-8')),
      encoding: 'vni',
      label: 'VNI-Windows',
    },
    // A plain-text outline saved by Notepad as "ANSI": neither UTF-8 nor Windows-1258.
    {
      name: 'dan-y-tcvn3.md',
      bytes: cp1252Bytes(
        `# ${encodeTcvn3(MAP.root)}\n\n${MAP.children.map((c) => `- ${encodeTcvn3(c)}`).join('\n')}\n`,
      ),
      encoding: 'tcvn3',
      label: 'TCVN3 (.VnTime)',
    },
  ] as const;

  for (const file of cases)
    it(`reads ${file.name} as Unicode and says what it converted`, async () => {
      const model = importMindMap(file.name, file.bytes.slice());
      expect(model.roots[0]!.label).toBe(MAP.root);
      expect(model.roots[0]!.children.map((c) => c.label)).toEqual(MAP.children);
      if (!file.name.endsWith('.md')) expect(model.roots[0]!.note).toBe(MAP.note);
      for (const text of texts(model)) expect(text).toBe(text.normalize('NFC'));
      const count = file.name.endsWith('.md') ? 4 : 5;
      if (file.name.endsWith('.opml')) expect(model.title).toBe(MAP.root);
      expect(model.legacy).toEqual({ encoding: file.encoding, count });
      expect(await notice('vi', model, file.name)).toBe(
        `Đã nhập 4 chủ đề từ “${file.name}”. ${count} đoạn văn bản được chuyển từ bảng mã cũ ${file.label} sang Unicode.`,
      );
      expect(await notice('en', model, file.name)).toBe(
        `Imported 4 topics from “${file.name}”. ${count} texts converted from the old ${file.label} encoding to Unicode.`,
      );
    });

  it('leaves the same map in Unicode as it is, and says nothing of encodings', async () => {
    const model = importMindMap('so-do.mm', utf8(freeMind((s) => s)));
    expect(texts(model).sort()).toEqual([MAP.root, MAP.note, ...MAP.children].sort());
    expect(model.legacy).toBeUndefined();
    expect(await notice('en', model, 'so-do.mm')).toBe('Imported 4 topics from “so-do.mm”.');
  });

  it('converts the TCVN3 branch of a map that is otherwise Unicode, and only it', () => {
    const mixed = `<map version="1.0.1"><node TEXT="${MAP.root}"><node TEXT="Có cá"/><node TEXT="${encodeTcvn3(MAP.children[0]!)}"/></node></map>`;
    const model = importMindMap('mixed.mm', utf8(mixed));
    expect(model.roots[0]!.children.map((c) => c.label)).toEqual(['Có cá', MAP.children[0]]);
    expect(model.legacy).toEqual({ encoding: 'tcvn3', count: 1 });
  });
});
