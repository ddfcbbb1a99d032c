import { afterEach, beforeEach, expect } from 'vitest';
import { pageProblems, resetPageProblems } from './browser.ts';

/** Every browser test fails on an uncaught page error or a console error it did not expect. */
beforeEach(() => resetPageProblems());
afterEach(() => {
  expect(pageProblems(), 'errors in the page').toEqual([]);
});
