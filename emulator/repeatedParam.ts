/**
 * The first parameter name that occurs more than once in `params`, or `undefined` when every name is single
 * (RFC 6749 §3.1/§3.2: request parameters "MUST NOT be included more than once").
 *
 * @example
 * ```ts
 * repeatedParam(new URLSearchParams('a=1&b=2&a=3')); // 'a'
 * ```
 */
export function repeatedParam(params: URLSearchParams): string | undefined {
  const names = [...params.keys()];
  return names.find((name, index) => names.indexOf(name) !== index);
}
