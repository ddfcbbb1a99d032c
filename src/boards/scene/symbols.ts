/**
 * The scene-diagram symbol library, drawn for CaseBoard: top views at real size. Each symbol is SVG
 * markup in a view box measured in centimetres (`0 0 w*100 h*100`), so a car placed on a scene is
 * 4.5 m long and keeps its proportions however it is scaled. Names are Vietnamese and English;
 * search ignores diacritics (`matchesSearch`).
 */
import { matchesSearch } from '../../core/text.ts';

export type SymbolCategory =
  'people' | 'vehicles' | 'weapons' | 'traces' | 'building' | 'outdoors' | 'devices';

export interface SceneSymbol {
  id: string;
  category: SymbolCategory;
  vi: string;
  en: string;
  /** Real size in metres. */
  w: number;
  h: number;
  /** SVG children in a `0 0 w*100 h*100` view box (centimetres). */
  svg: string;
}

export const SYMBOL_CATEGORIES: readonly SymbolCategory[] = [
  'people',
  'vehicles',
  'weapons',
  'traces',
  'building',
  'outdoors',
  'devices',
];

const INK =
  'stroke="#1f2937" stroke-width="3" fill="none" stroke-linejoin="round" stroke-linecap="round"';
const THIN = 'stroke="#1f2937" stroke-width="1.5" fill="none" stroke-linecap="round"';
const BLOOD = 'fill="#b91c1c" stroke="#7f1d1d" stroke-width="1"';
const SOLID = 'fill="#e5e7eb" stroke="#1f2937" stroke-width="3" stroke-linejoin="round"';
const DARK = 'fill="#374151" stroke="#111827" stroke-width="1"';

/** A human body lying, head to the left, from above: `pose` changes the limbs. */
function body(pose: 'back' | 'side' | 'face-down'): string {
  const head = `<circle cx="14" cy="25" r="11" ${SOLID}/>`;
  const torso = `<rect x="26" y="12" width="62" height="26" rx="10" ${SOLID}/>`;
  const legs =
    pose === 'side'
      ? `<path d="M88 22 L130 30 L168 20 M88 30 L128 42 L170 36" ${INK}/>`
      : `<path d="M88 18 L172 14 M88 32 L172 36" ${INK}/>`;
  const arms =
    pose === 'back'
      ? `<path d="M34 12 L60 2 M34 38 L60 48" ${INK}/>`
      : pose === 'face-down'
        ? `<path d="M34 12 L6 2 M34 38 L6 48" ${INK}/><path d="M8 25 h12" ${THIN}/>`
        : `<path d="M40 38 L70 46 L90 40" ${INK}/>`;
  const face =
    pose === 'back'
      ? `<circle cx="10" cy="22" r="1.5" fill="#1f2937"/><circle cx="10" cy="28" r="1.5" fill="#1f2937"/>`
      : '';
  return head + torso + legs + arms + face;
}

/** A vehicle from above: body, windscreen, rear window and wheels; `w`×`h` in centimetres. */
function vehicle(w: number, h: number, cab = 0.3): string {
  const wheel = (x: number, y: number) =>
    `<rect x="${x}" y="${y}" width="${w * 0.12}" height="${h * 0.12}" rx="4" ${DARK}/>`;
  return (
    wheel(w * 0.14, -h * 0.02) +
    wheel(w * 0.14, h * 0.9) +
    wheel(w * 0.72, -h * 0.02) +
    wheel(w * 0.72, h * 0.9) +
    `<rect x="2" y="${h * 0.06}" width="${w - 4}" height="${h * 0.88}" rx="${h * 0.2}" ${SOLID}/>` +
    `<path d="M${w * (1 - cab)} ${h * 0.16} q${w * 0.06} ${h * 0.34} 0 ${h * 0.68}" ${INK}/>` +
    `<path d="M${w * 0.22} ${h * 0.2} q${-w * 0.04} ${h * 0.3} 0 ${h * 0.6}" ${INK}/>`
  );
}

function twoWheeler(w: number, h: number, motor: boolean): string {
  return (
    `<ellipse cx="${w * 0.12}" cy="${h / 2}" rx="${w * 0.11}" ry="${h * 0.12}" ${DARK}/>` +
    `<ellipse cx="${w * 0.88}" cy="${h / 2}" rx="${w * 0.11}" ry="${h * 0.12}" ${DARK}/>` +
    `<path d="M${w * 0.12} ${h / 2} H${w * 0.88}" ${INK}/>` +
    `<path d="M${w * 0.78} ${h * 0.1} V${h * 0.9}" ${INK}/>` +
    (motor
      ? `<rect x="${w * 0.3}" y="${h * 0.3}" width="${w * 0.35}" height="${h * 0.4}" rx="8" ${SOLID}/>`
      : `<ellipse cx="${w * 0.4}" cy="${h / 2}" rx="${w * 0.06}" ry="${h * 0.12}" ${SOLID}/>`)
  );
}

function furnitureBox(w: number, h: number, extra = ''): string {
  return `<rect x="2" y="2" width="${w - 4}" height="${h - 4}" rx="3" ${SOLID}/>` + extra;
}

const cm = (m: number) => Math.round(m * 100);

function make(
  id: string,
  category: SymbolCategory,
  vi: string,
  en: string,
  w: number,
  h: number,
  draw: (w: number, h: number) => string,
): SceneSymbol {
  return { id, category, vi, en, w, h, svg: draw(cm(w), cm(h)) };
}

export const SYMBOLS: readonly SceneSymbol[] = [
  // People (bodies 1.75 m, head to the left)
  make('body-back', 'people', 'Thi thể nằm ngửa', 'Body lying on back', 1.75, 0.5, () =>
    body('back'),
  ),
  make('body-side', 'people', 'Thi thể nằm nghiêng', 'Body lying on side', 1.75, 0.5, () =>
    body('side'),
  ),
  make('body-face-down', 'people', 'Thi thể nằm sấp', 'Body lying face down', 1.75, 0.5, () =>
    body('face-down'),
  ),
  make(
    'person-standing',
    'people',
    'Người đứng',
    'Person standing',
    0.5,
    0.3,
    (w, h) =>
      `<ellipse cx="${w / 2}" cy="${h / 2}" rx="${w / 2 - 2}" ry="${h / 2 - 3}" ${SOLID}/><circle cx="${w / 2}" cy="${h / 2}" r="${h * 0.3}" ${SOLID}/>`,
  ),
  make(
    'person-sitting',
    'people',
    'Người ngồi',
    'Person sitting',
    0.6,
    0.6,
    (w, h) =>
      `<ellipse cx="${w * 0.3}" cy="${h / 2}" rx="${w * 0.2}" ry="${h * 0.35}" ${SOLID}/><circle cx="${w * 0.3}" cy="${h / 2}" r="${h * 0.15}" ${SOLID}/><path d="M${w * 0.45} ${h * 0.35} H${w * 0.95} M${w * 0.45} ${h * 0.65} H${w * 0.95}" ${INK}/>`,
  ),
  make(
    'person-kneeling',
    'people',
    'Người quỳ',
    'Person kneeling',
    0.7,
    0.45,
    (w, h) =>
      `<ellipse cx="${w * 0.25}" cy="${h / 2}" rx="${w * 0.18}" ry="${h * 0.4}" ${SOLID}/><circle cx="${w * 0.25}" cy="${h / 2}" r="${h * 0.18}" ${SOLID}/><path d="M${w * 0.42} ${h * 0.3} H${w * 0.7} V${h * 0.15} M${w * 0.42} ${h * 0.7} H${w * 0.7} V${h * 0.85}" ${INK}/>`,
  ),

  // Vehicles
  make('car', 'vehicles', 'Xe ô tô con', 'Car', 4.5, 1.8, (w, h) => vehicle(w, h)),
  make('van', 'vehicles', 'Xe khách nhỏ', 'Van', 5.0, 2.0, (w, h) => vehicle(w, h, 0.2)),
  make(
    'truck',
    'vehicles',
    'Xe tải',
    'Truck',
    8.0,
    2.5,
    (w, h) => vehicle(w, h, 0.15) + `<path d="M${w * 0.78} ${h * 0.06} V${h * 0.94}" ${INK}/>`,
  ),
  make(
    'bus',
    'vehicles',
    'Xe buýt',
    'Bus',
    11.0,
    2.5,
    (w, h) => vehicle(w, h, 0.08) + `<path d="M${w * 0.25} ${h * 0.5} H${w * 0.85}" ${THIN}/>`,
  ),
  make('motorbike', 'vehicles', 'Xe mô tô, xe máy', 'Motorbike', 2.0, 0.7, (w, h) =>
    twoWheeler(w, h, true),
  ),
  make('bicycle', 'vehicles', 'Xe đạp', 'Bicycle', 1.8, 0.6, (w, h) => twoWheeler(w, h, false)),
  make(
    'damage-point',
    'vehicles',
    'Điểm va chạm, hư hỏng',
    'Damage point',
    0.5,
    0.5,
    (w, h) =>
      `<path d="M${w / 2} 2 L${w * 0.62} ${h * 0.36} L${w - 2} ${h * 0.38} L${w * 0.7} ${h * 0.6} L${w * 0.8} ${h - 2} L${w / 2} ${h * 0.75} L${w * 0.2} ${h - 2} L${w * 0.3} ${h * 0.6} L2 ${h * 0.38} L${w * 0.38} ${h * 0.36} Z" fill="#f59e0b" stroke="#92400e" stroke-width="2"/>`,
  ),
  make(
    'tricycle',
    'vehicles',
    'Xe ba bánh',
    'Tricycle',
    2.5,
    1.2,
    (w, h) =>
      twoWheeler(w, h * 0.6, true).replace(
        /cy="([\d.]+)"/g,
        (_, y: string) => `cy="${Number(y) + h * 0.2}"`,
      ) + `<ellipse cx="${w * 0.12}" cy="${h * 0.15}" rx="${w * 0.09}" ry="${h * 0.08}" ${DARK}/>`,
  ),

  // Weapons and tools
  make(
    'knife',
    'weapons',
    'Dao',
    'Knife',
    0.3,
    0.05,
    (w, h) =>
      `<rect x="1" y="${h * 0.2}" width="${w * 0.38}" height="${h * 0.6}" rx="1" ${DARK}/><path d="M${w * 0.4} ${h * 0.15} H${w - 2} L${w * 0.45} ${h * 0.85} Z" fill="#cbd5e1" stroke="#1f2937" stroke-width="0.6"/>`,
  ),
  make(
    'pistol',
    'weapons',
    'Súng ngắn',
    'Pistol',
    0.2,
    0.14,
    (w, h) =>
      `<path d="M1 1 H${w - 1} V${h * 0.35} H${w * 0.45} L${w * 0.35} ${h - 1} H${w * 0.12} L${w * 0.22} ${h * 0.35} H1 Z" ${DARK}/>`,
  ),
  make(
    'rifle',
    'weapons',
    'Súng dài',
    'Rifle',
    1.0,
    0.2,
    (w, h) =>
      `<path d="M1 ${h * 0.4} H${w * 0.7} L${w - 1} ${h * 0.2} V${h * 0.8} L${w * 0.7} ${h * 0.6} H1 Z" ${DARK}/>`,
  ),
  make(
    'blunt-object',
    'weapons',
    'Hung khí cùn (gậy)',
    'Blunt object (club)',
    0.9,
    0.08,
    (w, h) =>
      `<path d="M1 ${h * 0.3} L${w - 1} 1 V${h - 1} L1 ${h * 0.7} Z" fill="#a16207" stroke="#422006" stroke-width="0.8"/>`,
  ),
  make(
    'hammer',
    'weapons',
    'Búa',
    'Hammer',
    0.33,
    0.12,
    (w, h) =>
      `<rect x="1" y="${h * 0.38}" width="${w * 0.8}" height="${h * 0.24}" fill="#a16207"/><rect x="${w * 0.78}" y="1" width="${w * 0.2}" height="${h - 2}" ${DARK}/>`,
  ),
  make(
    'rope',
    'weapons',
    'Dây thừng',
    'Rope',
    1.0,
    0.3,
    (w, h) =>
      `<path d="M2 ${h / 2} C${w * 0.2} 0 ${w * 0.3} ${h} ${w / 2} ${h / 2} S${w * 0.8} 0 ${w - 2} ${h / 2}" stroke="#92400e" stroke-width="3" fill="none"/>`,
  ),
  make(
    'brick',
    'weapons',
    'Gạch, đá',
    'Brick or stone',
    0.22,
    0.1,
    (w, h) =>
      `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" fill="#c2410c" stroke="#7c2d12" stroke-width="1"/>`,
  ),
  make(
    'bottle',
    'weapons',
    'Chai, lọ',
    'Bottle',
    0.3,
    0.08,
    (w, h) =>
      `<path d="M1 ${h * 0.1} H${w * 0.65} L${w * 0.8} ${h * 0.35} H${w - 1} V${h * 0.65} H${w * 0.8} L${w * 0.65} ${h * 0.9} H1 Z" fill="#a7f3d0" stroke="#065f46" stroke-width="0.8"/>`,
  ),

  // Traces
  make(
    'blood-pool',
    'traces',
    'Vũng máu',
    'Blood pool',
    0.8,
    0.6,
    (w, h) =>
      `<path d="M${w * 0.2} ${h * 0.2} C${w * 0.4} 0 ${w * 0.8} ${h * 0.05} ${w * 0.9} ${h * 0.35} S${w * 0.85} ${h} ${w * 0.5} ${h * 0.9} S0 ${h * 0.7} ${w * 0.2} ${h * 0.2} Z" ${BLOOD}/>`,
  ),
  make('blood-drops', 'traces', 'Giọt máu', 'Blood drops', 0.3, 0.3, (w, h) =>
    [0.2, 0.5, 0.75]
      .map((f, i) => `<circle cx="${w * f}" cy="${h * (0.3 + i * 0.2)}" r="${2 + i}" ${BLOOD}/>`)
      .join(''),
  ),
  make(
    'blood-spatter',
    'traces',
    'Vết máu bắn',
    'Blood spatter',
    0.5,
    0.4,
    (w, h) =>
      `<circle cx="${w * 0.2}" cy="${h / 2}" r="6" ${BLOOD}/>` +
      [0.4, 0.55, 0.7, 0.85]
        .map(
          (f, i) =>
            `<ellipse cx="${w * f}" cy="${h * (0.35 + (i % 2) * 0.3)}" rx="${4 - i * 0.6}" ry="2" ${BLOOD}/>`,
        )
        .join(''),
  ),
  make('footprints', 'traces', 'Dấu chân (vết đi)', 'Footprints (trail)', 1.2, 0.4, (w, h) =>
    [0, 1, 2, 3]
      .map(
        (i) =>
          `<ellipse cx="${w * (0.12 + i * 0.25)}" cy="${h * (i % 2 ? 0.7 : 0.3)}" rx="${w * 0.1}" ry="${h * 0.12}" fill="#78716c"/>`,
      )
      .join(''),
  ),
  make(
    'shoe-print',
    'traces',
    'Dấu giày',
    'Shoe print',
    0.3,
    0.12,
    (w, h) =>
      `<path d="M2 ${h / 2} C2 2 ${w * 0.6} 2 ${w - 2} ${h * 0.3} V${h * 0.7} C${w * 0.6} ${h - 2} 2 ${h - 2} 2 ${h / 2} Z" fill="#78716c"/><path d="M${w * 0.2} ${h * 0.3} V${h * 0.7} M${w * 0.5} ${h * 0.25} V${h * 0.75} M${w * 0.75} ${h * 0.3} V${h * 0.7}" stroke="#e7e5e4" stroke-width="1.5"/>`,
  ),
  make(
    'tire-mark',
    'traces',
    'Vết lốp xe',
    'Tire mark',
    3.0,
    0.3,
    (w, h) =>
      `<rect x="0" y="${h * 0.15}" width="${w}" height="${h * 0.7}" fill="#57534e"/>` +
      Array.from(
        { length: 15 },
        (_, i) =>
          `<path d="M${(i + 0.5) * (w / 15)} ${h * 0.2} l8 ${h * 0.6}" stroke="#d6d3d1" stroke-width="2"/>`,
      ).join(''),
  ),
  make(
    'skid-mark',
    'traces',
    'Vết phanh',
    'Skid mark',
    5.0,
    0.25,
    (w, h) =>
      `<path d="M2 ${h * 0.3} H${w - 2} M2 ${h * 0.7} H${w - 2}" stroke="#292524" stroke-width="${h * 0.18}" stroke-linecap="round"/>`,
  ),
  make('fingerprint', 'traces', 'Dấu vân tay', 'Fingerprint', 0.3, 0.3, (w, h) =>
    [0.12, 0.2, 0.28, 0.36, 0.44]
      .map(
        (r) => `<ellipse cx="${w / 2}" cy="${h / 2}" rx="${w * r * 0.8}" ry="${h * r}" ${THIN}/>`,
      )
      .join(''),
  ),
  make(
    'bullet-casing',
    'traces',
    'Vỏ đạn',
    'Bullet casing',
    0.3,
    0.3,
    (w, h) =>
      `<rect x="${w * 0.35}" y="${h * 0.15}" width="${w * 0.3}" height="${h * 0.7}" rx="3" fill="#eab308" stroke="#713f12" stroke-width="2"/>`,
  ),
  make(
    'broken-glass',
    'traces',
    'Mảnh kính vỡ',
    'Broken glass',
    0.6,
    0.6,
    (w, h) =>
      `<path d="M${w * 0.1} ${h * 0.2} L${w * 0.3} ${h * 0.1} L${w * 0.25} ${h * 0.35} Z M${w * 0.5} ${h * 0.4} L${w * 0.8} ${h * 0.3} L${w * 0.7} ${h * 0.6} Z M${w * 0.2} ${h * 0.7} L${w * 0.45} ${h * 0.65} L${w * 0.35} ${h * 0.9} Z M${w * 0.75} ${h * 0.75} L${w * 0.9} ${h * 0.8} L${w * 0.8} ${h * 0.92} Z" fill="#bae6fd" stroke="#0369a1" stroke-width="1.5"/>`,
  ),
  make(
    'drag-marks',
    'traces',
    'Vết kéo lê',
    'Drag marks',
    2.0,
    0.4,
    (w, h) =>
      `<path d="M2 ${h * 0.35} C${w * 0.3} ${h * 0.2} ${w * 0.6} ${h * 0.5} ${w - 2} ${h * 0.35} M2 ${h * 0.65} C${w * 0.3} ${h * 0.5} ${w * 0.6} ${h * 0.8} ${w - 2} ${h * 0.65}" stroke="#78716c" stroke-width="3" fill="none" stroke-dasharray="12 6"/>`,
  ),

  // Furniture and building
  make(
    'door',
    'building',
    'Cửa đi',
    'Door',
    0.9,
    0.9,
    (w, h) =>
      `<path d="M2 ${h - 2} H${w - 2} M2 ${h - 2} V2" ${INK}/><path d="M2 2 A${w - 4} ${h - 4} 0 0 1 ${w - 2} ${h - 2}" ${THIN} stroke-dasharray="6 4"/>`,
  ),
  make(
    'window',
    'building',
    'Cửa sổ',
    'Window',
    1.2,
    0.15,
    (w, h) =>
      `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" fill="#e0f2fe" stroke="#1f2937" stroke-width="2"/><path d="M1 ${h / 2} H${w - 1}" ${THIN}/>`,
  ),
  make('stairs', 'building', 'Cầu thang', 'Stairs', 1.0, 3.0, (w, h) =>
    furnitureBox(
      w,
      h,
      Array.from(
        { length: 11 },
        (_, i) => `<path d="M2 ${(i + 1) * (h / 12)} H${w - 2}" ${THIN}/>`,
      ).join('') + `<path d="M${w / 2} ${h * 0.9} V${h * 0.1} l-10 12 m10 -12 l10 12" ${INK}/>`,
    ),
  ),
  make('bed', 'building', 'Giường', 'Bed', 1.6, 2.0, (w, h) =>
    furnitureBox(
      w,
      h,
      `<rect x="${w * 0.08}" y="${h * 0.05}" width="${w * 0.38}" height="${h * 0.15}" rx="6" ${SOLID}/><rect x="${w * 0.54}" y="${h * 0.05}" width="${w * 0.38}" height="${h * 0.15}" rx="6" ${SOLID}/><path d="M2 ${h * 0.3} H${w - 2}" ${THIN}/>`,
    ),
  ),
  make('table', 'building', 'Bàn', 'Table', 1.2, 0.8, (w, h) => furnitureBox(w, h)),
  make('chair', 'building', 'Ghế', 'Chair', 0.45, 0.45, (w, h) =>
    furnitureBox(w, h, `<path d="M4 6 H${w - 4}" stroke="#1f2937" stroke-width="6"/>`),
  ),
  make('cabinet', 'building', 'Tủ', 'Cabinet', 1.0, 0.5, (w, h) =>
    furnitureBox(
      w,
      h,
      `<path d="M${w / 2} 2 V${h - 2} M2 ${h - 2} L${w / 2} 2 L${w - 2} ${h - 2}" ${THIN}/>`,
    ),
  ),
  make('sofa', 'building', 'Ghế sô pha', 'Sofa', 2.0, 0.9, (w, h) =>
    furnitureBox(
      w,
      h,
      `<rect x="2" y="2" width="${w - 4}" height="${h * 0.25}" ${SOLID}/><rect x="2" y="2" width="${w * 0.1}" height="${h - 4}" ${SOLID}/><rect x="${w * 0.9 - 2}" y="2" width="${w * 0.1}" height="${h - 4}" ${SOLID}/>`,
    ),
  ),
  make(
    'toilet',
    'building',
    'Bồn cầu',
    'Toilet',
    0.4,
    0.7,
    (w, h) =>
      `<rect x="2" y="2" width="${w - 4}" height="${h * 0.25}" rx="3" ${SOLID}/><ellipse cx="${w / 2}" cy="${h * 0.62}" rx="${w / 2 - 3}" ry="${h * 0.33}" ${SOLID}/>`,
  ),
  make('sink', 'building', 'Chậu rửa', 'Sink', 0.6, 0.45, (w, h) =>
    furnitureBox(
      w,
      h,
      `<ellipse cx="${w / 2}" cy="${h * 0.55}" rx="${w * 0.35}" ry="${h * 0.3}" ${INK}/>`,
    ),
  ),
  make('stove', 'building', 'Bếp', 'Stove', 0.7, 0.5, (w, h) =>
    furnitureBox(
      w,
      h,
      `<circle cx="${w * 0.28}" cy="${h / 2}" r="${h * 0.28}" ${INK}/><circle cx="${w * 0.72}" cy="${h / 2}" r="${h * 0.28}" ${INK}/>`,
    ),
  ),
  make('wardrobe', 'building', 'Tủ quần áo', 'Wardrobe', 1.8, 0.6, (w, h) =>
    furnitureBox(
      w,
      h,
      `<path d="M${w / 3} 2 V${h - 2} M${(2 * w) / 3} 2 V${h - 2} M8 ${h / 2} H${w - 8}" ${THIN}/>`,
    ),
  ),
  make(
    'wall-segment',
    'building',
    'Tường (đoạn)',
    'Wall segment',
    3.0,
    0.2,
    (w, h) =>
      `<rect x="0" y="0" width="${w}" height="${h}" fill="#9ca3af" stroke="#1f2937" stroke-width="2"/>`,
  ),

  // Roads and outdoors
  make(
    'road',
    'outdoors',
    'Đoạn đường',
    'Road segment',
    10.0,
    7.0,
    (w, h) =>
      `<rect x="0" y="0" width="${w}" height="${h}" fill="#d1d5db"/><path d="M0 2 H${w} M0 ${h - 2} H${w}" stroke="#1f2937" stroke-width="4"/><path d="M0 ${h / 2} H${w}" stroke="#fff" stroke-width="12" stroke-dasharray="150 100"/>`,
  ),
  make(
    'intersection',
    'outdoors',
    'Ngã tư',
    'Intersection',
    14.0,
    14.0,
    (w, h) =>
      `<path d="M${w * 0.3} 0 H${w * 0.7} V${h * 0.3} H${w} V${h * 0.7} H${w * 0.7} V${h} H${w * 0.3} V${h * 0.7} H0 V${h * 0.3} H${w * 0.3} Z" fill="#d1d5db" stroke="#1f2937" stroke-width="4"/>`,
  ),
  make(
    'lane-marking',
    'outdoors',
    'Vạch kẻ làn',
    'Lane marking',
    3.0,
    0.15,
    (w, h) =>
      `<rect x="0" y="0" width="${w}" height="${h}" fill="#fff" stroke="#6b7280" stroke-width="1"/>`,
  ),
  make('crosswalk', 'outdoors', 'Vạch người đi bộ', 'Crosswalk', 4.0, 3.0, (w, h) =>
    Array.from(
      { length: 7 },
      (_, i) =>
        `<rect x="${i * (w / 7) + 6}" y="0" width="${w / 14}" height="${h}" fill="#fff" stroke="#6b7280" stroke-width="1"/>`,
    ).join(''),
  ),
  make(
    'tree',
    'outdoors',
    'Cây',
    'Tree',
    3.0,
    3.0,
    (w, h) =>
      `<circle cx="${w / 2}" cy="${h / 2}" r="${w / 2 - 3}" fill="#bbf7d0" stroke="#166534" stroke-width="3"/><circle cx="${w / 2}" cy="${h / 2}" r="${w * 0.07}" fill="#78350f"/>`,
  ),
  make(
    'pole',
    'outdoors',
    'Cột điện, cột mốc',
    'Pole',
    0.3,
    0.3,
    (w, h) =>
      `<circle cx="${w / 2}" cy="${h / 2}" r="${w / 2 - 2}" fill="#4b5563" stroke="#111827" stroke-width="2"/>`,
  ),
  make(
    'fence',
    'outdoors',
    'Hàng rào',
    'Fence',
    4.0,
    0.15,
    (w, h) =>
      `<path d="M0 ${h / 2} H${w}" stroke="#1f2937" stroke-width="3"/>` +
      Array.from(
        { length: 9 },
        (_, i) => `<path d="M${i * (w / 8)} 0 V${h}" stroke="#1f2937" stroke-width="3"/>`,
      ).join(''),
  ),
  make(
    'house',
    'outdoors',
    'Nhà',
    'House',
    8.0,
    6.0,
    (w, h) =>
      `<rect x="2" y="2" width="${w - 4}" height="${h - 4}" fill="#fef3c7" stroke="#1f2937" stroke-width="6"/><path d="M2 2 L${w / 2} ${h / 2} L${w - 2} 2 M2 ${h - 2} L${w / 2} ${h / 2} L${w - 2} ${h - 2}" ${INK}/>`,
  ),
  make(
    'traffic-light',
    'outdoors',
    'Đèn tín hiệu giao thông',
    'Traffic light',
    0.4,
    1.0,
    (w, h) =>
      `<rect x="2" y="2" width="${w - 4}" height="${h - 4}" rx="6" fill="#1f2937"/>` +
      ['#ef4444', '#f59e0b', '#22c55e']
        .map(
          (c, i) =>
            `<circle cx="${w / 2}" cy="${h * (0.2 + i * 0.3)}" r="${w * 0.3}" fill="${c}"/>`,
        )
        .join(''),
  ),
  make(
    'speed-bump',
    'outdoors',
    'Gờ giảm tốc',
    'Speed bump',
    3.5,
    0.5,
    (w, h) =>
      `<rect x="0" y="0" width="${w}" height="${h}" fill="#fde047" stroke="#1f2937" stroke-width="2"/>` +
      Array.from(
        { length: 7 },
        (_, i) => `<path d="M${i * (w / 7)} 0 l${h} ${h}" stroke="#1f2937" stroke-width="6"/>`,
      ).join(''),
  ),

  // Devices
  make(
    'cctv',
    'devices',
    'Camera giám sát (vùng quan sát)',
    'CCTV camera (field of view)',
    6.0,
    4.0,
    (w, h) =>
      `<path d="M${w * 0.04} ${h / 2} L${w} ${h * 0.05} V${h * 0.95} Z" fill="#dbeafe" fill-opacity="0.6" stroke="#1d4ed8" stroke-width="3" stroke-dasharray="20 10"/><rect x="0" y="${h / 2 - 15}" width="40" height="30" rx="5" fill="#1d4ed8"/>`,
  ),
  make(
    'phone',
    'devices',
    'Điện thoại',
    'Phone',
    0.16,
    0.08,
    (w, h) =>
      `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" rx="1.5" fill="#111827"/><rect x="${w * 0.12}" y="${h * 0.15}" width="${w * 0.76}" height="${h * 0.7}" fill="#60a5fa"/>`,
  ),
  make(
    'light',
    'devices',
    'Đèn chiếu sáng',
    'Light',
    0.5,
    0.5,
    (w, h) =>
      `<circle cx="${w / 2}" cy="${h / 2}" r="${w * 0.2}" fill="#fde047" stroke="#854d0e" stroke-width="2"/>` +
      [0, 45, 90, 135, 180, 225, 270, 315]
        .map((a) => {
          const r = (a * Math.PI) / 180;
          return `<path d="M${w / 2 + Math.cos(r) * w * 0.28} ${h / 2 + Math.sin(r) * h * 0.28} L${w / 2 + Math.cos(r) * w * 0.45} ${h / 2 + Math.sin(r) * h * 0.45}" stroke="#854d0e" stroke-width="2"/>`;
        })
        .join(''),
  ),
  make(
    'computer',
    'devices',
    'Máy tính',
    'Computer',
    0.5,
    0.4,
    (w, h) =>
      `<rect x="2" y="2" width="${w - 4}" height="${h * 0.55}" fill="#1f2937"/><rect x="${w * 0.1}" y="${h * 0.65}" width="${w * 0.8}" height="${h * 0.3}" ${SOLID}/>`,
  ),
  make('atm', 'devices', 'Máy rút tiền (ATM)', 'Cash machine (ATM)', 0.8, 0.6, (w, h) =>
    furnitureBox(
      w,
      h,
      `<rect x="${w * 0.2}" y="${h * 0.15}" width="${w * 0.6}" height="${h * 0.3}" fill="#60a5fa"/><path d="M${w * 0.3} ${h * 0.7} H${w * 0.7}" stroke="#1f2937" stroke-width="4"/>`,
    ),
  ),
  make('safe', 'devices', 'Két sắt', 'Safe', 0.5, 0.5, (w, h) =>
    furnitureBox(w, h, `<circle cx="${w / 2}" cy="${h / 2}" r="${w * 0.15}" ${INK}/>`),
  ),
];

const BY_ID = new Map(SYMBOLS.map((s) => [s.id, s]));

export function symbolById(id: string): SceneSymbol | undefined {
  return BY_ID.get(id);
}

/** The library's order, for the legend. */
export const SYMBOL_ORDER: readonly string[] = SYMBOLS.map((s) => s.id);

/** Symbols whose Vietnamese or English name matches `query`, diacritics and case ignored. */
export function searchSymbols(query: string): SceneSymbol[] {
  const q = query.trim();
  if (!q) return [...SYMBOLS];
  return SYMBOLS.filter((s) => matchesSearch(s.vi, q) || matchesSearch(s.en, q));
}

/** A standalone SVG document of one symbol (for the picker, the legend and exports). */
export function symbolSvg(symbol: SceneSymbol): string {
  const w = cm(symbol.w);
  const h = cm(symbol.h);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none">${symbol.svg}</svg>`;
}
