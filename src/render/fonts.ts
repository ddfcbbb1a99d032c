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

/** The TrueType files, relative to this module (Node reads them; the page imports their URLs). */
export const FONT_FILES: Record<FontWeight, string> = {
  400: '../../node_modules/@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  600: '../../node_modules/@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf',
  700: '../../node_modules/@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
};

/** The bytes of each weight's TrueType file, loaded by `loadFontBytes` (page) or `nodeFonts`. */
export type FontBytes = Record<FontWeight, Uint8Array>;
