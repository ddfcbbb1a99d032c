/**
 * One definition per user action, in the manner of Excalidraw's action objects: the key handler,
 * the toolbars, the context menus, the `?` sheet and the command palette are all generated from
 * tables of these, so an action is written once.
 *
 * An action runs inside one document transaction, so whatever commands it calls are one undo step;
 * an action that must be two steps says so by being two actions.
 */
import type { ComponentType } from 'react';
import { foldForSearch } from '../core/text.ts';

/** What every action context offers; each board kind extends it with what its actions need. */
export interface ActionContext {
  /** The case is open read-only (viewer, version view): only `viewer: true` actions run. */
  readOnly: boolean;
  /** Runs `fn` as one transaction of this person's origin: one undo step. */
  transact(fn: () => void): void;
}

/**
 * A key binding: modifiers then the key, joined by "+": "Tab", "Shift+Enter", "Mod+K",
 * "Mod+Shift+Z", "ArrowLeft", "?", "Delete". `Mod` is Ctrl, or ⌘ on a Mac. Letters are matched
 * without regard to case.
 */
export type KeyBinding = string;

export interface Action<C extends ActionContext = ActionContext> {
  /** Unique and stable: "mindmap.addChild", "scene.alignLeft", "case.undo". */
  id: string;
  /** i18n key of its label, with its namespace: "mindmap:keys.child". */
  label: string;
  icon?: ComponentType<{ size?: number | string; 'aria-hidden'?: boolean }>;
  /** Keys that run it; the first one is the one shown. */
  keys?: readonly KeyBinding[];
  /** Where it is listed in the `?` sheet and the palette: "edit", "select", "view", … */
  group?: string;
  /** Viewers (and read-only views) may run it: navigation, find, fit, zoom, help. */
  viewer?: boolean;
  /** Whether it can run now (selection, lock state…); a disabled action is greyed out. */
  enabled?(c: C): boolean;
  /** Runs only while typing in a text field too (e.g. Escape closing a box); default false. */
  whileTyping?: boolean;
  /**
   * Does it. Returns false when it did nothing, so the key falls through to the browser.
   * Writes to the document happen inside `c.transact` (the runtime opens it: `runAction`).
   */
  perform(c: C): void | boolean;
  /** Performs outside a transaction: dialogs, camera, clipboard; never writes the document. */
  noTransaction?: boolean;
}

export type ActionTable<C extends ActionContext> = readonly Action<C>[];

/** True when the action may run for this context: allowed for viewers if read-only, enabled. */
export function canRun<C extends ActionContext>(action: Action<C>, c: C): boolean {
  if (c.readOnly && !action.viewer) return false;
  return action.enabled ? action.enabled(c) : true;
}

/** Runs an action as one undo step; says whether it did something. */
export function runAction<C extends ActionContext>(action: Action<C>, c: C): boolean {
  if (!canRun(action, c)) return false;
  if (action.noTransaction) return action.perform(c) !== false;
  let done = true;
  c.transact(() => {
    done = action.perform(c) !== false;
  });
  return done;
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface ParsedBinding {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

function parse(binding: KeyBinding): ParsedBinding {
  // "+" itself is a key: "Mod++" is Mod and "+".
  const parts = binding === '+' ? ['+'] : binding.replace(/\+\+$/, '+plus').split('+');
  const key = parts.pop()!.replace(/^plus$/, '+');
  return {
    key,
    mod: parts.includes('Mod') || parts.includes('Ctrl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
  };
}

/** Keys whose character already needs Shift on most layouts: Shift is not compared for them. */
const SHIFTED = new Set(['?', '+', '*', '{', '}', '<', '>', ':', '"', '|', '~', '!', '@', '#']);

/** Whether a key event is this binding. */
export function matchesKey(binding: KeyBinding, event: KeyboardEvent): boolean {
  const b = parse(binding);
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const want = b.key.length === 1 ? b.key.toLowerCase() : b.key;
  if (key !== want) return false;
  if ((event.ctrlKey || event.metaKey) !== b.mod) return false;
  if (event.altKey !== b.alt) return false;
  if (!SHIFTED.has(b.key) && event.shiftKey !== b.shift) return false;
  return true;
}

/** The binding as a person reads it: "Ctrl+Shift+Z", or "⌘⇧Z" on a Mac. */
export function keyLabel(binding: KeyBinding): string {
  const b = parse(binding);
  const names: Record<string, string> = {
    ArrowLeft: '←',
    ArrowRight: '→',
    ArrowUp: '↑',
    ArrowDown: '↓',
    ' ': 'Space',
    Escape: 'Esc',
  };
  const key = names[b.key] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key);
  if (isMac()) return `${b.mod ? '⌘' : ''}${b.alt ? '⌥' : ''}${b.shift ? '⇧' : ''}${key}`;
  return [b.mod && 'Ctrl', b.alt && 'Alt', b.shift && 'Shift', key].filter(Boolean).join('+');
}

/**
 * The rows of the `?` sheet: per section, its actions that have a key, each key listed once. A key
 * two tables bind (the map's `?` and the case's) is shown in the first section only, the one whose
 * handler answers it; an action left with no key to show is left out. A table may bind a key twice
 * (by state); a section whose keys work in another mode (`elsewhere`: present mode's) is listed
 * whole.
 */
export function sheetRows<T extends { table: ActionTable<ActionContext>; elsewhere?: boolean }>(
  sections: readonly T[],
): { section: T; rows: { action: Action<ActionContext>; keys: KeyBinding[] }[] }[] {
  const shared = new Set<string>();
  const canonical = (binding: KeyBinding) => {
    const b = parse(binding);
    return `${b.mod}|${b.alt}|${b.shift && !SHIFTED.has(b.key)}|${b.key.toLowerCase()}`;
  };
  return sections
    .map((section) => {
      // Within a table a key may do one thing or another by state (Esc: end the zoom, else exit).
      const taken = section.elsewhere ? new Set<string>() : new Set(shared);
      const rows = section.table.flatMap((action) => {
        const keys = (action.keys ?? []).filter((binding) => !taken.has(canonical(binding)));
        if (!section.elsewhere) keys.forEach((binding) => shared.add(canonical(binding)));
        return keys.length ? [{ action, keys }] : [];
      });
      return { section, rows };
    })
    .filter((entry) => entry.rows.length > 0);
}

function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The action a key event asks for, first match in table order, or null. Keys typed into a text
 * field and keys of an input method's composition never match, except `whileTyping` actions.
 */
export function actionForKey<C extends ActionContext>(
  table: ActionTable<C>,
  event: KeyboardEvent,
): Action<C> | null {
  if (event.isComposing) return null;
  const typing = isTyping(event.target);
  for (const action of table) {
    if (typing && !action.whileTyping) continue;
    if (action.keys?.some((binding) => matchesKey(binding, event))) return action;
  }
  return null;
}

/**
 * Handles a key event from a table: runs the matching action and, when it did something,
 * prevents the browser's default. Returns whether it handled the key.
 */
export function handleActionKey<C extends ActionContext>(
  table: ActionTable<C>,
  event: KeyboardEvent,
  c: C,
): boolean {
  const action = actionForKey(table, event);
  if (!action || !runAction(action, c)) return false;
  event.preventDefault();
  event.stopPropagation();
  return true;
}

/** Palette search: every word of the query in the label or the id, Vietnamese diacritics ignored. */
export function searchActions<C extends ActionContext>(
  table: ActionTable<C>,
  query: string,
  label: (action: Action<C>) => string,
): Action<C>[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  return table.filter((action) => {
    const haystack = foldForSearch(`${label(action)} ${action.id}`);
    return words.every((word) => haystack.includes(word));
  });
}
