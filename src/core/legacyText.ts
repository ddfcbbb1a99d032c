/**
 * Vietnamese written in the 8-bit encodings of the 1990s and 2000s, as it reaches us today:
 * bytes of TCVN3 (ABC; fonts .VnTime, .VnArial, upper case .VnTimeH) or VNI-Windows (fonts
 * VNI-Times) read as Windows-1252/Latin-1. That is what a paste from an old Word document, an old
 * .mm/.xmind/OPML file or the text layer of a PDF set in those fonts gives: "Céng hoµ x· héi" for
 * "Cộng hoà xã hội" (TCVN3), "Coäng hoøa xaõ hoäi" (VNI). Detection reads words: a word counts for
 * an encoding when it is not a Vietnamese syllable as written and becomes one once converted, and
 * against it when the conversion gives no syllable ("café", "über", "Noël"). Text holding a letter
 * only Unicode has (ơ ư ă đ ạ…) is Unicode already and never converted.
 *
 * Tables: TCVN 5712:1993 (VN3, the ABC keyboard's table) and VNI-Windows, checked against the
 * open-source converters vietnamese-conversion (github.com/duydev/vietnamese-conversion,
 * src/charsets.ts) and UniKey's code tables (as in github.com/khiemdoan/VBKey, mdlCodeTable.bas).
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** How the encodings are named to people (the same in Vietnamese and English). */
export const LEGACY_ENCODING_NAMES: Record<LegacyEncoding, string> = {
  tcvn3: 'TCVN3 (.VnTime)',
  vni: 'VNI-Windows',
};

// TCVN3 (VN3): one byte a letter. Lower case letters all have codes; of the upper case ones only
// Ă Â Đ Ê Ô Ơ Ư do (the others are set in the .VnTimeH font with the lower case codes).
const TCVN3_CODES =
  'µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦';
const TCVN3_LETTERS = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ';
const TCVN3 = new Map<string, string>(
  [...TCVN3_CODES].map((code, i) => [code, [...TCVN3_LETTERS][i]!]),
);
const TCVN3_UPPER = new Set('¡¢£¤¥¦§');

// VNI-Windows: a base letter followed by a byte for its shape and tone; ơ ư đ and the i's and ỵ
// are one byte each.
const TONES = { acute: '\u0301', grave: '\u0300', hook: '\u0309', tilde: '\u0303', dot: '\u0323' };
const VNI_TONE: Record<string, string> = {
  ù: TONES.acute,
  ø: TONES.grave,
  û: TONES.hook,
  õ: TONES.tilde,
  ï: TONES.dot,
};
const VNI_CIRCUMFLEX: Record<string, string> = {
  â: '',
  á: TONES.acute,
  à: TONES.grave,
  å: TONES.hook,
  ã: TONES.tilde,
  ä: TONES.dot,
};
const VNI_BREVE: Record<string, string> = {
  ê: '',
  é: TONES.acute,
  è: TONES.grave,
  ú: TONES.hook,
  ü: TONES.tilde,
  ë: TONES.dot,
};
const VNI_SINGLE: Record<string, string> = {
  ñ: 'đ',
  Ñ: 'Đ',
  ô: 'ơ',
  Ô: 'Ơ',
  ö: 'ư',
  Ö: 'Ư',
  æ: 'ỉ',
  Æ: 'Ỉ',
  ó: 'ĩ',
  Ó: 'Ĩ',
  ò: 'ị',
  Ò: 'Ị',
  î: 'ỵ',
  Î: 'Ỵ',
};

/** VNI's two-byte sequences: base + mark, in either case. */
const VNI_PAIRS = (() => {
  const pairs = new Map<string, string>();
  const add = (bases: string, marks: Record<string, string>, shape: string) => {
    for (const base of bases)
      for (const [mark, tone] of Object.entries(marks)) {
        // ô and ö are VNI's bytes for ơ and ư.
        const letter = VNI_SINGLE[base] ?? base;
        const lower = (letter + shape + tone).normalize('NFC');
        pairs.set(base.toLowerCase() + mark, lower);
        pairs.set(base.toUpperCase() + mark.toUpperCase(), lower.toUpperCase());
      }
  };
  add('aeouy', VNI_TONE, '');
  add('ôö', VNI_TONE, '');
  add('aeo', VNI_CIRCUMFLEX, '\u0302');
  add('a', VNI_BREVE, '\u0306');
  // ỵ is one byte (î); "y" + dot is no VNI sequence.
  pairs.delete('yï');
  pairs.delete('YÏ');
  return pairs;
})();

/** Letters only Unicode Vietnamese has (and combining tone marks): such text is never legacy. */
const UNICODE_VIETNAMESE = /[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]|[\u0300\u0301\u0303\u0309\u0323]/u;
/** A word as the tables see it: ASCII letters and every Latin-1 letter or symbol above 0xA0. */
const WORD = /[A-Za-z\u00a1-\u00ff]+/g;

function convertTcvn3(text: string): string {
  return text.replace(/[^\n]+/g, (line) => {
    // .VnTimeH: a line typed in capitals uses the lower case codes for the toned letters.
    const upperLine = (line.match(/[A-Z]/g)?.length ?? 0) >= 2 && !/[a-z]/.test(line);
    return line.replace(WORD, (word) => {
      const converted = [...word].map((c) => TCVN3.get(c) ?? c).join('');
      if (converted === word) return word;
      const capitals =
        (word.match(/[A-Z]/g)?.length ?? 0) + [...word].filter((c) => TCVN3_UPPER.has(c)).length;
      const upperWord = capitals >= 2 && !/[a-z]/.test(word);
      return upperLine || upperWord ? converted.toUpperCase() : converted;
    });
  });
}

function convertVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = VNI_PAIRS.get(text.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i++;
    } else out += VNI_SINGLE[text[i]!] ?? text[i]!;
  }
  return out;
}

/**
 * The text read as `encoding`, converted to Unicode NFC, whether or not it looks like it.
 * @example convertLegacy('ViÖt Nam', 'tcvn3') // 'Việt Nam'
 */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  return (encoding === 'tcvn3' ? convertTcvn3(text) : convertVni(text)).normalize('NFC');
}

const ONSETS = [
  '',
  ...'b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x'.split(' '),
];
const RIMES = new Set(
  (
    'a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây ' +
    'e eo ec em en eng ep et ê êch êm ên ênh êp êt êu ' +
    'i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu ' +
    'o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet ' +
    'oc oi om on ong op ot ooc oong ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt ' +
    'u ua uân uâng uât uây uc uê uêch uênh ui um un ung up ut uy uya uych uyên uyêt uyn uynh ' +
    'uyp uyt uyu uôc uôi uôm uôn uông uôt uơ ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ' +
    'ươp ươt ươu y yêm yên yêt yêu'
  ).split(' '),
);
const FRONT = /^[eêiy]/;

/**
 * Whether a word is one Vietnamese syllable: an onset, a rime and at most one tone, with the
 * spelling rules a reader would stumble on (c/k, g/gh, ng/ngh; p t c ch take only sắc or nặng).
 */
export function isVietnameseSyllable(word: string): boolean {
  const parts = word.toLowerCase().normalize('NFD');
  const tones = parts.match(/[\u0300\u0301\u0303\u0309\u0323]/g) ?? [];
  if (tones.length > 1) return false;
  const bare = parts.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
  if (!/^[a-zđăâêôơư]+$/.test(bare)) return false;
  if (/(c|ch|p|t)$/.test(bare) && tones[0] !== '\u0301' && tones[0] !== '\u0323') return false;
  return ONSETS.some((onset) => {
    if (!bare.startsWith(onset)) return false;
    const rime = bare.slice(onset.length);
    if (!RIMES.has(rime)) return false;
    if (onset === 'c' || onset === 'g' || onset === 'ng') return !FRONT.test(rime);
    if (onset === 'k' || onset === 'gh' || onset === 'ngh') return FRONT.test(rime);
    return true;
  });
}

/** Evidence for and against reading a text in one encoding (words, see the file's comment). */
export interface LegacyEvidence {
  for: number;
  against: number;
}

/** What one text says about itself: Unicode already, or the evidence for each encoding. */
export interface LegacyScore {
  unicode: boolean;
  tcvn3: LegacyEvidence;
  vni: LegacyEvidence;
}

/**
 * Weighs every word of `text` read in each legacy encoding.
 * @example scoreLegacyText('Ng­êi bÞ h¹i').tcvn3 // { for: 3, against: 0 }
 */
export function scoreLegacyText(text: string): LegacyScore {
  const score: LegacyScore = {
    unicode: UNICODE_VIETNAMESE.test(text),
    tcvn3: { for: 0, against: 0 },
    vni: { for: 0, against: 0 },
  };
  if (score.unicode || !/[\u00a1-\u00ff]/.test(text)) return score;
  for (const word of text.match(WORD) ?? []) {
    if (!/[\u00a1-\u00ff]/.test(word) || !/[A-Za-z]/.test(word)) continue;
    const weights = weighWord(word);
    score.tcvn3.for += weights[0];
    score.tcvn3.against += weights[1];
    score.vni.for += weights[2];
    score.vni.against += weights[3];
  }
  return score;
}

/** Words weighed so far: a document repeats its words, and an import may hold 20,000 labels. */
const weighed = new Map<string, readonly [number, number, number, number]>();

/** A word's evidence: [for TCVN3, against TCVN3, for VNI, against VNI]. */
function weighWord(word: string): readonly [number, number, number, number] {
  const known = weighed.get(word);
  if (known) return known;
  const asWritten = isVietnameseSyllable(word);
  const weigh = (encoding: LegacyEncoding): [number, number] =>
    // Unchanged but no syllable ("fête" read as VNI): a letter this table does not know.
    !isVietnameseSyllable(convertLegacy(word, encoding))
      ? [0, asWritten ? 2 : 1]
      : [asWritten ? 0 : 1, 0];
  const weights = [...weigh('tcvn3'), ...weigh('vni')] as const;
  if (weighed.size >= 50_000) weighed.clear();
  weighed.set(word, weights);
  return weights;
}

const decides = (e: LegacyEvidence) => e.for >= 1 && e.for >= 3 * e.against;

/** The encoding the evidence of a whole document points to, or null. */
function decide(scores: readonly LegacyScore[]): LegacyEncoding | null {
  const total = { tcvn3: { for: 0, against: 0 }, vni: { for: 0, against: 0 } };
  for (const score of scores)
    for (const encoding of ['tcvn3', 'vni'] as const) {
      total[encoding].for += score[encoding].for;
      total[encoding].against += score[encoding].against;
    }
  const margin = (e: LegacyEvidence) => e.for - 3 * e.against;
  const candidates = (['tcvn3', 'vni'] as const).filter((encoding) => decides(total[encoding]));
  candidates.sort((a, b) => margin(total[b]) - margin(total[a]));
  return candidates[0] ?? null;
}

/**
 * Converts the texts of one document (a map's labels and notes, a pasted outline) together, so
 * that a short label ("Bµ", "cã") is read the way the rest of the document is. A text is
 * converted when the document's evidence points to one encoding and the text's own evidence does
 * not speak against it; in a document that also holds Unicode Vietnamese, only texts with
 * evidence of their own are. `converted` counts the texts that changed.
 * @example fixLegacyTexts(['Bµ', 'Ng­êi bÞ h¹i']) // { texts: ['Bà', 'Người bị hại'], encoding: 'tcvn3', converted: 2 }
 */
export function fixLegacyTexts(texts: readonly string[]): {
  texts: string[];
  encoding: LegacyEncoding | null;
  converted: number;
} {
  const scores = texts.map(scoreLegacyText);
  const encoding = decide(scores);
  if (!encoding) return { texts: [...texts], encoding: null, converted: 0 };
  const mixed = scores.some((score) => score.unicode);
  let converted = 0;
  const out = texts.map((text, i) => {
    const own = scores[i]![encoding];
    if (scores[i]!.unicode || own.against > own.for || (mixed && own.for === 0)) return text;
    const fixed = convertLegacy(text, encoding);
    if (fixed !== text) converted++;
    return fixed;
  });
  return { texts: out, encoding: converted > 0 ? encoding : null, converted };
}

/**
 * One text (a paste, a PDF page's text layer) converted to Unicode NFC when it is TCVN3 or VNI;
 * `encoding` is null, and the text unchanged, when it is not.
 * @example fixLegacyText('Céng hoµ x· héi chñ nghÜa ViÖt Nam') // { text: 'Cộng hoà xã hội chủ nghĩa Việt Nam', encoding: 'tcvn3' }
 */
export function fixLegacyText(text: string): { text: string; encoding: LegacyEncoding | null } {
  const fixed = fixLegacyTexts([text]);
  return { text: fixed.texts[0]!, encoding: fixed.encoding };
}

/** A word without the punctuation around it, for the syllable test. */
const bareWord = (word: string) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/**
 * TCVN3's "ư" is byte 0xAD, the soft hyphen of Windows-1252, and PDF readers (pdf.js among them)
 * give it back as a space or a hyphen, so a TCVN3 text layer reads "Ng êi" for "Người". This puts
 * the soft hyphen back wherever a space or hyphen, read as "ư", makes one Vietnamese syllable of
 * pieces that are not all syllables themselves. Only for text already known to be TCVN3.
 * @example convertLegacy(restoreTcvn3SoftHyphens('Ng êi khai'), 'tcvn3') // 'Người khai'
 */
export function restoreTcvn3SoftHyphens(raw: string): string {
  const chars = [...raw];
  const syllable = (piece: string) => isVietnameseSyllable(bareWord(convertLegacy(piece, 'tcvn3')));
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== ' ' && chars[i] !== '-') continue;
    const trial = [...chars];
    trial[i] = '\u00AD';
    let start = i;
    while (start > 0 && !/\s/u.test(trial[start - 1]!)) start--;
    let end = i + 1;
    while (end < trial.length && !/\s/u.test(trial[end]!)) end++;
    if (!syllable(trial.slice(start, end).join(''))) continue;
    const pieces = chars
      .slice(start, end)
      .join('')
      .split(/[ -]/)
      .filter((p) => bareWord(p) !== '');
    if (pieces.length > 0 && pieces.every(syllable)) continue;
    chars[i] = '\u00AD';
  }
  return chars.join('');
}
