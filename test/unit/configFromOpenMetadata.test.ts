import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/AuthError.js';
import { configFromOpenMetadata } from '../../src/configFromOpenMetadata.js';
import { resolveConfig } from '../../src/resolveConfig.js';

const openMetadata = {
  provider: 'aws-cognito',
  providerName: 'AWS Cognito',
  clientType: 'public',
  clientId: '3n4b5urk1ft4fl3mg5e62d9ado',
  authority: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Em0lat0r',
  callbackUrl: 'http://localhost:8585/callback',
  enableSelfSignup: false,
  enableAutoRedirect: false,
  jwtPrincipalClaims: ['email', 'cognito:username', 'sub'],
  publicKeyUrls: ['https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Em0lat0r/.well-known/jwks.json'],
};

function configError(json: unknown): AuthError {
  try {
    configFromOpenMetadata(json);
  } catch (err) {
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).code).toBe('config');
    return err as AuthError;
  }
  throw new Error('expected an AuthError');
}

describe('configFromOpenMetadata', () => {
  it("maps OpenMetadata's auth config to provider props", () => {
    expect(configFromOpenMetadata(openMetadata)).toEqual({
      userPoolId: 'us-east-1_Em0lat0r',
      clientId: '3n4b5urk1ft4fl3mg5e62d9ado',
      authority: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Em0lat0r',
      region: 'us-east-1',
      redirectUri: 'http://localhost:8585/callback',
    });
  });

  it('produces a config that resolves, with the issuer taken from authority and endpoints left to discovery', () => {
    const resolved = resolveConfig(configFromOpenMetadata(openMetadata), 'http://localhost:8585');
    expect(resolved.issuer).toBe(openMetadata.authority);
    expect(resolved.endpoints).toBeNull();
  });

  it('handles an emulator authority with a trailing slash and no callbackUrl', () => {
    const config = configFromOpenMetadata({
      ...openMetadata,
      authority: 'http://127.0.0.1:4000/us-east-1_Em0lat0r/',
      callbackUrl: undefined,
    });
    expect(config.userPoolId).toBe('us-east-1_Em0lat0r');
    expect(config).not.toHaveProperty('redirectUri');
  });

  it('passes through a non-standard domain field', () => {
    expect(
      configFromOpenMetadata({ ...openMetadata, domain: 'myapp.auth.us-east-1.amazoncognito.com' }).domain,
    ).toBe('myapp.auth.us-east-1.amazoncognito.com');
  });

  it('lets overrides win', () => {
    const config = configFromOpenMetadata(openMetadata, {
      storage: 'local',
      redirectUri: 'http://localhost:8585/auth/cb',
    });
    expect(config.storage).toBe('local');
    expect(config.redirectUri).toBe('http://localhost:8585/auth/cb');
  });

  it('rejects another provider, naming what was found', () => {
    expect(configError({ ...openMetadata, provider: 'google' }).message).toMatch(
      /^OpenMetadata provider: "google" is not "aws-cognito" — set OpenMetadata.s SSO provider to AWS Cognito\.$/,
    );
    expect(configError({ ...openMetadata, provider: undefined }).message).toMatch(
      /^OpenMetadata provider: undefined is not "aws-cognito"/,
    );
  });

  it('rejects a confidential client', () => {
    expect(configError({ ...openMetadata, clientType: 'confidential' }).message).toMatch(
      /^OpenMetadata clientType: "confidential" needs a client secret, which a browser cannot keep — use a public app client\.$/,
    );
  });

  it.each([
    [
      'missing clientId',
      { ...openMetadata, clientId: undefined },
      /^OpenMetadata clientId: undefined is not an app client ID — set it in OpenMetadata\.$/,
    ],
    [
      'empty clientId',
      { ...openMetadata, clientId: '' },
      /^OpenMetadata clientId: "" is not an app client ID/,
    ],
    [
      'missing authority',
      { ...openMetadata, authority: undefined },
      /^OpenMetadata authority: undefined is not an issuer URL — set it in OpenMetadata as https:\/\/cognito-idp\.\{region\}\.amazonaws\.com\/\{userPoolId\}\.$/,
    ],
    [
      'authority that is not a URL',
      { ...openMetadata, authority: 'cognito' },
      /^OpenMetadata authority: "cognito" is not an issuer URL/,
    ],
    [
      'authority without a path',
      { ...openMetadata, authority: 'https://cognito-idp.us-east-1.amazonaws.com/' },
      /is not an issuer URL/,
    ],
  ])('rejects a %s', (_name, json, message) => {
    expect(configError(json).message).toMatch(message);
  });

  it.each([null, 'aws-cognito', 42, undefined])('rejects the non-object %j', (json) => {
    expect(configError(json).message).toMatch(
      /^OpenMetadata auth config: .* is not a JSON object — pass the parsed body of GET \/api\/v1\/system\/config\/auth\.$/,
    );
  });
});
