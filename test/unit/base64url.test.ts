import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlJson } from '../../src/base64url.js';
import { b64url } from './support/signingKey.js';

describe('base64urlDecode', () => {
  it('decodes unpadded base64url, including - and _', () => {
    expect([...base64urlDecode('-_8')]).toEqual([0xfb, 0xff]);
    expect(new TextDecoder().decode(base64urlDecode('eyJhIjoiw6kifQ'))).toBe('{"a":"é"}');
    expect(base64urlDecode('')).toHaveLength(0);
  });

  it.each(['ab+c', 'ab/c', 'abc=', 'ab c', 'a.b'])('rejects %j, which is not base64url', (value) => {
    expect(() => base64urlDecode(value)).toThrow(TypeError);
  });

  it('rejects an impossible length', () => {
    expect(() => base64urlDecode('abcde')).toThrow();
  });
});

describe('base64urlJson', () => {
  it('decodes the JSON object of a JWT part', () => {
    expect(base64urlJson('eyJhIjoiw6kifQ')).toEqual({ a: 'é' });
  });

  it.each([
    ['not base64url', 'a.b'],
    ['not JSON', b64url('{x')],
    ['JSON null', b64url('null')],
    ['a JSON string', b64url('"x"')],
    ['empty', ''],
  ])('rejects a part that is %s', (_kind, part) => {
    expect(() => base64urlJson(part)).toThrow();
  });
});
