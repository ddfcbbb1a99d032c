/**
 * Text in the old Vietnamese 8-bit encodings (TCVN3 with .VnTime fonts, VNI-Windows) read as
 * Unicode, converted to Unicode NFC. A placeholder until the converter lands: it converts nothing.
 * @example fixLegacyText('Nguyễn Văn Hùng') // { text: 'Nguyễn Văn Hùng', encoding: null }
 */
export function fixLegacyText(text: string): { text: string; encoding: 'tcvn3' | 'vni' | null } {
  return { text, encoding: null };
}
