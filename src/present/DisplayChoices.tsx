import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayPrefs, type DisplayChoice } from './displayPrefs.ts';

/** High contrast for projectors and large text, for the next presentation in this browser. */
export function DisplayChoices() {
  const { t } = useTranslation('present');
  return (
    <div className="deck-panel__actions">
      <Choice choice="contrast" label={t('contrast')} testId="present-contrast" />
      <Choice choice="large" label={t('large')} />
    </div>
  );
}

function Choice({
  choice,
  label,
  testId,
}: {
  choice: DisplayChoice;
  label: string;
  testId?: string;
}) {
  const [on, setOn] = useState(() => displayPrefs.get(choice));
  return (
    <label>
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          displayPrefs.set(choice, e.target.checked);
          setOn(e.target.checked);
        }}
        data-testid={testId}
      />{' '}
      {label}
    </label>
  );
}
