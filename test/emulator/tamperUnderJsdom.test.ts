// @vitest-environment jsdom
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator, IdTokenTamper } from 'react-cognito-sso/emulator';
import { isHmacWithPublicKey, signInForTokens } from './flow.js';

/*
 * Integration tests start the emulator inside jsdom, whose globals (Uint8Array, …) are not the ones Node's
 * Buffer and KeyObject come from; tampered ID tokens must still be issued there.
 */
let emulator: CognitoEmulator;
beforeAll(async () => {
  emulator = await startCognitoEmulator({
    clients: [{ clientId: 'jsdomclient', callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] }],
  });
});
afterAll(() => emulator.stop());

describe('tamperNextIdToken inside a jsdom environment', () => {
  it("alg 'HS256': the token endpoint answers 200 with an ID token HMAC-keyed with the published key's PEM", async () => {
    emulator.controls.tamperNextIdToken({ alg: 'HS256' });
    const token = (await signInForTokens(emulator)).id_token ?? '';
    const jwks = (await (await fetch(`${emulator.issuer}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', kid: jwks.keys[0]?.kid });
    expect(isHmacWithPublicKey(token, jwks.keys[0] ?? {})).toBe(true);
  });

  it.each<IdTokenTamper>([{ alg: 'none' }, { foreignKey: true }, { claims: { aud: 'x' } }])(
    'tamper %o: the token endpoint answers 200 with a token_use id token',
    async (tamper) => {
      emulator.controls.tamperNextIdToken(tamper);
      expect(decodeJwt((await signInForTokens(emulator)).id_token ?? '').token_use).toBe('id');
    },
  );
});
