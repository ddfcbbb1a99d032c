/**
 * Vietnamese text as TCVN3 (.VnTime) and VNI-Windows typists left it, read back as Windows-1252:
 * encoders written apart from src/core/legacyText.ts (from the tables' published layout: TCVN
 * 5712:1993 VN3, VNI-Windows), so tests do not only check the converter against itself.
 */
const TCVN3_LOWER: Record<string, number[]> = {
  a: [0x61, 0xb5, 0xb8, 0xb6, 0xb7, 0xb9],
  ă: [0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6],
  â: [0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb],
  e: [0x65, 0xcc, 0xd0, 0xce, 0xcf, 0xd1],
  ê: [0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6],
  i: [0x69, 0xd7, 0xdd, 0xd8, 0xdc, 0xde],
  o: [0x6f, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4],
  ô: [0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9],
  ơ: [0xac, 0xea, 0xed, 0xeb, 0xec, 0xee],
  u: [0x75, 0xef, 0xf3, 0xf1, 0xf2, 0xf4],
  ư: [0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9],
  y: [0x79, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe],
};
export const TONE_ORDER = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const SHAPES: Record<string, string> = {
  'a\u0306': 'ă',
  'a\u0302': 'â',
  'e\u0302': 'ê',
  'o\u0302': 'ô',
  'o\u031b': 'ơ',
  'u\u031b': 'ư',
};

function letterParts(letter: string): { base: string; tone: number } {
  const nfd = letter.normalize('NFD');
  const tone = TONE_ORDER.findIndex((t, i) => i > 0 && nfd.includes(t));
  const bare = nfd.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '');
  return { base: SHAPES[bare] ?? bare, tone: Math.max(0, tone) };
}

export function encodeTcvn3(text: string): string {
  const cp1252 = (byte: number) => new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (c === 'đ') out += cp1252(0xae);
    else if ('ĂÂÊÔƠƯĐ'.includes(c)) out += cp1252(0xa1 + 'ĂÂÊÔƠƯĐ'.indexOf(c));
    else {
      const { base, tone } = letterParts(c);
      const row = TCVN3_LOWER[base];
      // Anything else (ASCII, punctuation such as "–") is the same character in both.
      out += row ? cp1252(row[tone]!) : c;
    }
  }
  return out;
}

const VNI_TONE = ['', 'ø', 'ù', 'û', 'õ', 'ï'];
export function encodeVni(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    const upper = c !== c.toLowerCase();
    const { base, tone } = letterParts(c.toLowerCase());
    let s: string;
    if (base === 'đ') s = 'ñ';
    else if (base === 'i') s = ['i', 'ì', 'í', 'æ', 'ó', 'ò'][tone]!;
    else if (base === 'y' && tone === 5) s = 'î';
    else if (base === 'â' || base === 'ê' || base === 'ô')
      s = base === 'â' ? 'a' : base === 'ê' ? 'e' : 'o';
    else if (base === 'ă') s = 'a';
    else if (base === 'ơ') s = 'ô';
    else if (base === 'ư') s = 'ö';
    else s = base;
    if ('âêô'.includes(base)) s += ['â', 'à', 'á', 'å', 'ã', 'ä'][tone]!;
    else if (base === 'ă') s += ['ê', 'è', 'é', 'ú', 'ü', 'ë'][tone]!;
    else if ('aeouyơư'.includes(base) && !(base === 'y' && tone === 5)) s += VNI_TONE[tone]!;
    out += upper ? s.toUpperCase() : s;
  }
  return out;
}
