/**
 * Offence classes (Bộ luật Hình sự 2015, sửa đổi 2017, Điều 9 khoản 1): by the highest penalty of
 * the penalty frame (khung hình phạt) the offence falls in —
 * a) ít nghiêm trọng: a fine, non-custodial reform or up to 3 years;
 * b) nghiêm trọng: above 3 up to 7 years;
 * c) rất nghiêm trọng: above 7 up to 15 years;
 * d) đặc biệt nghiêm trọng: above 15 up to 20 years, life imprisonment or death.
 */

export const OFFENCE_CLASSES = [
  'less-serious',
  'serious',
  'very-serious',
  'especially-serious',
] as const;
export type OffenceClass = (typeof OFFENCE_CLASSES)[number];

/** A frame's highest penalty: years of imprisonment (0 for a fine only), or life, or death. */
export type MaxPenalty = number | 'life' | 'death';

/** The class's name in Vietnamese, as the law writes it. */
export const CLASS_NAMES_VI: Readonly<Record<OffenceClass, string>> = {
  'less-serious': 'tội phạm ít nghiêm trọng',
  serious: 'tội phạm nghiêm trọng',
  'very-serious': 'tội phạm rất nghiêm trọng',
  'especially-serious': 'tội phạm đặc biệt nghiêm trọng',
};

/**
 * The class of an offence whose frame's highest penalty is `max` (Điều 9 khoản 1 BLHS).
 * @example classOfPenalty(3) // 'less-serious'
 * @example classOfPenalty(20) // 'especially-serious'
 * @example classOfPenalty('life') // 'especially-serious'
 */
export function classOfPenalty(max: MaxPenalty): OffenceClass {
  if (max === 'life' || max === 'death' || max > 15) return 'especially-serious';
  if (max > 7) return 'very-serious';
  if (max > 3) return 'serious';
  return 'less-serious';
}

/** Whether `a` is more serious than `b`. */
export function moreSerious(a: OffenceClass, b: OffenceClass): boolean {
  return OFFENCE_CLASSES.indexOf(a) > OFFENCE_CLASSES.indexOf(b);
}

export function isOffenceClass(value: unknown): value is OffenceClass {
  return OFFENCE_CLASSES.includes(value as OffenceClass);
}
