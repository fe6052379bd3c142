import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator, Fault, IdTokenTamper } from 'react-cognito-sso/emulator';
import {
  createTokenVerifier,
  KeySetUnavailableError,
  TokenRejectedError,
} from '../../demo/server/api/createTokenVerifier.js';
import type { TokenVerifier } from '../../demo/server/api/createTokenVerifier.js';
import { signInForTokens } from '../emulator/flow.js';
import type { TokenResponse } from '../emulator/flow.js';

const CLIENT = 'demoapiclient1';
const OTHER = 'otherclient2';
const OTHER_CALLBACK = 'https://other.example.com/callback';
let emulator: CognitoEmulator;

beforeAll(async () => {
  emulator = await startCognitoEmulator({
    clients: [
      { clientId: CLIENT, callbackUrls: ['http://localhost:8585/callback'], logoutUrls: [] },
      { clientId: OTHER, callbackUrls: [OTHER_CALLBACK], logoutUrls: [] },
    ],
    users: [{ username: 'alice', password: 'Alice-Pass-1', email: 'alice@example.com', groups: ['Admin'] }],
  });
});
afterAll(() => emulator.stop());

/** A verifier for {@link CLIENT}, new for each test: it fetches the key set on its first token. */
const verifier = (): TokenVerifier => createTokenVerifier({ issuer: emulator.issuer, clientId: CLIENT });

/** alice's tokens for `clientId`, the ID token tampered with when `tamper` is given. */
async function tokens(tamper?: IdTokenTamper, clientId = CLIENT): Promise<TokenResponse> {
  if (tamper !== undefined) emulator.controls.tamperNextIdToken(tamper);
  const params = clientId === CLIENT ? {} : { client_id: clientId, redirect_uri: OTHER_CALLBACK };
  return signInForTokens(emulator, { params });
}

async function idToken(tamper?: IdTokenTamper): Promise<string> {
  return (await tokens(tamper)).id_token ?? '';
}

describe('createTokenVerifier: the demo API’s check of a bearer token', () => {
  it('accepts the pool’s ID token for its client, with its claims', async () => {
    const claims = await verifier()(await idToken());
    expect(claims).toMatchObject({
      token_use: 'id',
      aud: CLIENT,
      iss: emulator.issuer,
      'cognito:username': 'alice',
      'cognito:groups': ['Admin'],
      email: 'alice@example.com',
    });
  });

  it('accepts the pool’s access token for its client (client_id, no aud)', async () => {
    const claims = await verifier()((await tokens()).access_token);
    expect(claims).toMatchObject({ token_use: 'access', client_id: CLIENT, username: 'alice' });
    expect(claims.aud).toBeUndefined();
  });

  it('refuses the ID token of another app client of the same pool: aud', async () => {
    const token = (await tokens(undefined, OTHER)).id_token ?? '';
    await expect(verifier()(token)).rejects.toThrow(
      new TokenRejectedError('token rejected: aud is not this client'),
    );
  });

  it('refuses the access token of another app client of the same pool: client_id', async () => {
    const token = (await tokens(undefined, OTHER)).access_token;
    await expect(verifier()(token)).rejects.toThrow(
      new TokenRejectedError('token rejected: client_id is not this client'),
    );
  });

  it.each<[string, IdTokenTamper, string]>([
    ['unsigned (alg none)', { alg: 'none' }, 'ERR_JOSE_ALG_NOT_ALLOWED'],
    ['HMAC-signed with the published public key', { alg: 'HS256' }, 'ERR_JOSE_ALG_NOT_ALLOWED'],
    ['signed with a key not in the key set', { foreignKey: true }, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
    [
      'from another pool (iss)',
      { claims: { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' } },
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    ],
    ['expired a minute ago', { claims: { exp: Math.floor(Date.now() / 1000) - 60 } }, 'ERR_JWT_EXPIRED'],
    ['without token_use', { removeClaims: ['token_use'] }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['without sub', { removeClaims: ['sub'] }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['without iat', { removeClaims: ['iat'] }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
  ])('refuses an ID token %s (%s)', async (_what, tamper, code) => {
    const rejection = verifier()(await idToken(tamper));
    await expect(rejection).rejects.toThrow(TokenRejectedError);
    await expect(rejection).rejects.toThrow(`token rejected: ${code}`);
  });

  it('refuses a token whose token_use is neither id nor access', async () => {
    await expect(verifier()(await idToken({ claims: { token_use: 'refresh' } }))).rejects.toThrow(
      new TokenRejectedError('token rejected: token_use must be id or access'),
    );
  });

  it('refuses a token whose kid is no longer published (keys rotated) as the token’s fault', async () => {
    const old = await idToken();
    emulator.controls.rotateSigningKeys();
    const verify = verifier();
    await expect(verify(old)).rejects.toThrow(
      new TokenRejectedError('token rejected: ERR_JWKS_NO_MATCHING_KEY'),
    );
    expect((await verify(await idToken())).token_use).toBe('id');
  });

  it('refuses a token without kid, which several published keys could check, as the token’s fault', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ token_use: 'id', aud: CLIENT })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(emulator.issuer)
      .setSubject('alice')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verifier()(token)).rejects.toThrow(
      new TokenRejectedError('token rejected: ERR_JWKS_MULTIPLE_MATCHING_KEYS'),
    );
  });
});

describe('createTokenVerifier when the pool’s key set cannot be read', () => {
  it.each<[string, Fault]>([
    ['answers 503', { status: 503, body: '{"message":"unavailable"}' }],
    ['answers an HTML page', { status: 200, body: '<html>maintenance</html>', contentType: 'text/html' }],
    ['answers JSON that is not a key set', { status: 200, body: '{"keys":"none"}' }],
    ['drops the connection', { drop: true }],
  ])(
    'rejects with KeySetUnavailableError, not as a refused token, when it %s; the next call checks the token',
    async (_what, fault) => {
      const token = await idToken();
      const verify = verifier();
      emulator.controls.failNext('jwks', 1, fault);
      const rejection = verify(token);
      await expect(rejection).rejects.toThrow(KeySetUnavailableError);
      await expect(rejection).rejects.toThrow(
        `the pool's key set ${emulator.issuer}/.well-known/jwks.json could not be read`,
      );
      expect((await verify(token)).token_use).toBe('id');
    },
  );
});
