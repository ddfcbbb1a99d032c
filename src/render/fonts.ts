/**
 * The font every export draws with: Be Vietnam Pro, whose TrueType files (from
 * @expo-google-fonts/be-vietnam-pro) are embedded in PDFs as subsets, and whose web fonts
 * (@fontsource/be-vietnam-pro) are embedded in SVGs for browsers. Three weights are used.
 */

export type FontWeight = 400 | 600 | 700;
export const FONT_WEIGHTS: readonly FontWeight[] = [400, 600, 700];
export const FONT_FAMILY = 'Be Vietnam Pro';
/** What an SVG names, so that a reader without the font still draws a sans-serif. */
export const FONT_STACK = "'Be Vietnam Pro', 'DejaVu Sans', Arial, sans-serif";

/**
 * The TrueType files, as package paths (Node resolves them with `createRequire(...).resolve`; the
 * page imports their URLs with Vite's `?url`).
 */
export const FONT_FILES: Record<FontWeight, string> = {
  400: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  600: '@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf',
  700: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
};

/** The web fonts' unicode subsets (@fontsource/be-vietnam-pro's files and ranges). */
export const WEB_FONT_SUBSETS = [
  {
    subset: 'vietnamese',
    range:
      'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  },
  {
    subset: 'latin-ext',
    range:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
  {
    subset: 'latin',
    range:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
] as const;

/** A web font file of a weight and subset, as a package path. */
export function webFontFile(weight: FontWeight, subset: string): string {
  return `@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-${weight}-normal.woff2`;
}

/** The bytes of each weight's TrueType file, loaded by `loadFontBytes` (page) or `nodeFonts`. */
export type FontBytes = Record<FontWeight, Uint8Array>;
