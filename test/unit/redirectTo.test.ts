import { describe, expect, it } from 'vitest';
import { redirectTo } from '../../src/redirectTo.js';

// jsdom performs only same-document (fragment) navigations, so these navigate to fragments; the history entries they
// add or replace are the ones a navigation to another page would.
describe('redirectTo', () => {
  it('navigates with a new history entry without options and with replace: false', () => {
    const before = history.length;
    redirectTo('#first');
    expect(location.hash).toBe('#first');
    expect(history.length).toBe(before + 1);
    redirectTo('#second', { replace: false });
    expect(location.hash).toBe('#second');
    expect(history.length).toBe(before + 2);
  });

  it('navigates in place of the current history entry with replace: true', () => {
    const before = history.length;
    redirectTo('#replaced', { replace: true });
    expect(location.hash).toBe('#replaced');
    expect(history.length).toBe(before);
  });
});
