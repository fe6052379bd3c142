import { describe, expect, it } from 'vitest';
import { sanitizeReturnTo } from '../../src/sanitizeReturnTo.js';

const ORIGIN = 'http://localhost:8585';

describe('sanitizeReturnTo', () => {
  it.each([
    ['/explore?q=orders#x', '/explore?q=orders#x'],
    ['/', '/'],
    ['/settings/profile', '/settings/profile'],
    ['http://localhost:8585/explore?q=1', '/explore?q=1'],
    ['explore', '/explore'],
    ['?tab=2', '/?tab=2'],
    ['/a/../b', '/b'],
    ['/share?url=https://example.com/x', '/share?url=https://example.com/x'],
    ['/share?url=https%3A%2F%2Fexample.com', '/share?url=https%3A%2F%2Fexample.com'],
  ])('keeps the same-origin path %s as %s', (value, expected) => {
    expect(sanitizeReturnTo(value, ORIGIN)).toBe(expected);
  });

  it.each([
    'https://evil.example',
    'https://evil.example/explore',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    ' //evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '%2F%2Fevil.example',
    '%2f%2fevil.example',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    '/.//evil.example',
    'http://localhost:8585@evil.example',
    'http://localhost:8586/explore',
    'https://localhost:8585/explore',
    '/100%',
    '',
  ])('maps %j to /', (value) => {
    expect(sanitizeReturnTo(value, ORIGIN)).toBe('/');
  });

  it.each([undefined, null, 42, {}, ['/x'], { toString: () => '/x' }])(
    'maps the non-string %j to /',
    (value) => {
      expect(sanitizeReturnTo(value, ORIGIN)).toBe('/');
    },
  );

  it('compares against the origin of a full URL given as origin', () => {
    expect(sanitizeReturnTo('/x', 'http://localhost:8585/some/page')).toBe('/x');
  });
});
