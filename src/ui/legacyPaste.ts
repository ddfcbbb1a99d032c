import { useCallback, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fixLegacyText, LEGACY_ENCODING_NAMES, type LegacyEncoding } from '../core/legacyText.ts';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/**
 * Pastes text copied from an old document in TCVN3 (.VnTime) or VNI-Windows into a text field as
 * Unicode (see `core/legacyText.ts`), where the caret is, and answers the encoding converted; any
 * other paste is left to the browser and answers null.
 * @example onPaste={(event) => pasteLegacyText(event) && setNotice(…)}
 */
export function pasteLegacyText(event: ClipboardEvent<TextField>): LegacyEncoding | null {
  const { text, encoding } = fixLegacyText(event.clipboardData.getData('text/plain'));
  if (!encoding) return null;
  event.preventDefault();
  const field = event.currentTarget;
  // insertText keeps the field's own undo and fires the input event React reads the value from.
  if (!document.execCommand('insertText', false, text)) {
    field.setRangeText(text, field.selectionStart ?? 0, field.selectionEnd ?? 0, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return encoding;
}

/** The sentence telling a person that pasted text was converted (namespace `ui`). */
export function useLegacyNotice(): (encoding: LegacyEncoding) => string {
  const { t } = useTranslation('ui');
  return useCallback(
    (encoding) => t('legacyPasted', { encoding: LEGACY_ENCODING_NAMES[encoding] }),
    [t],
  );
}

/**
 * A form's paste handler that converts TCVN3/VNI text, and the notice to show after it (null until
 * a paste was converted).
 */
export function useLegacyPaste(): {
  onPaste(event: ClipboardEvent<TextField>): void;
  notice: string | null;
} {
  const sentence = useLegacyNotice();
  const [notice, setNotice] = useState<string | null>(null);
  const onPaste = useCallback(
    (event: ClipboardEvent<TextField>) => {
      const encoding = pasteLegacyText(event);
      if (encoding) setNotice(sentence(encoding));
    },
    [sentence],
  );
  return { onPaste, notice };
}
