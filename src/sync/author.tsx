import { createContext, useContext } from 'react';

/**
 * The name of the person at the keyboard, for what boards and exports sign (a PDF's title block).
 * The app provides it from the signed-in user (or the offline copy of them).
 */
export const AuthorContext = createContext('');

/** The signed-in person's display name; empty outside a case page. */
export function useAuthor(): string {
  return useContext(AuthorContext);
}
