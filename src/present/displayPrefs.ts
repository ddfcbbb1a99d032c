/**
 * Display choices for presenting (high contrast for projectors, large text), kept in this browser:
 * a projector stays the same projector. Framework-free; the deck panel and present mode share it.
 *
 * @example
 * displayPrefs.set('contrast', true);
 * displayPrefs.get('contrast'); // true, in this browser, until changed
 */
export type DisplayChoice = 'contrast' | 'large';

const storageKey = (choice: DisplayChoice) => `caseboard.present.${choice}`;

export const displayPrefs = {
  get(choice: DisplayChoice): boolean {
    try {
      return localStorage.getItem(storageKey(choice)) === '1';
    } catch {
      return false;
    }
  },
  set(choice: DisplayChoice, on: boolean): void {
    try {
      localStorage.setItem(storageKey(choice), on ? '1' : '0');
    } catch {
      // Private windows may refuse storage: the choice lasts for this presentation only.
    }
  },
};
