import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/AuthError.js';
import { configFromOpenMetadata } from '../../src/configFromOpenMetadata.js';
import { resolveConfig } from '../../src/resolveConfig.js';
import { openMetadataAuthConfig } from './support/openMetadataAuthConfig.js';

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
    expect(configFromOpenMetadata(openMetadataAuthConfig)).toEqual({
      userPoolId: 'us-east-1_Em0lat0r',
      clientId: '3n4b5urk1ft4fl3mg5e62d9ado',
      authority: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Em0lat0r',
      region: 'us-east-1',
      redirectUri: 'http://localhost:8585/callback',
    });
  });

  it('produces a config that resolves, with the issuer taken from authority and endpoints left to discovery', () => {
    const resolved = resolveConfig(configFromOpenMetadata(openMetadataAuthConfig), 'http://localhost:8585');
    expect(resolved.issuer).toBe(openMetadataAuthConfig.authority);
    expect(resolved.endpoints).toBeNull();
  });

  it('handles an emulator authority with a trailing slash and no callbackUrl', () => {
    const config = configFromOpenMetadata({
      ...openMetadataAuthConfig,
      authority: 'http://127.0.0.1:4000/us-east-1_Em0lat0r/',
      callbackUrl: undefined,
    });
    expect(config.userPoolId).toBe('us-east-1_Em0lat0r');
    expect(config).not.toHaveProperty('redirectUri');
  });

  it('passes through a non-standard domain field', () => {
    expect(
      configFromOpenMetadata({ ...openMetadataAuthConfig, domain: 'myapp.auth.us-east-1.amazoncognito.com' })
        .domain,
    ).toBe('myapp.auth.us-east-1.amazoncognito.com');
  });

  it('leaves out a domain field that is not a string (e.g. null), so discovery finds the endpoints', () => {
    for (const domain of [null, undefined, 42]) {
      expect(configFromOpenMetadata({ ...openMetadataAuthConfig, domain })).not.toHaveProperty('domain');
    }
    const config = configFromOpenMetadata({ ...openMetadataAuthConfig, domain: null });
    expect(resolveConfig(config, 'http://localhost:8585').endpoints).toBeNull();
  });

  it('lets overrides win', () => {
    const config = configFromOpenMetadata(openMetadataAuthConfig, {
      storage: 'local',
      redirectUri: 'http://localhost:8585/auth/cb',
    });
    expect(config.storage).toBe('local');
    expect(config.redirectUri).toBe('http://localhost:8585/auth/cb');
  });

  it('rejects another provider, naming what was found', () => {
    expect(configError({ ...openMetadataAuthConfig, provider: 'google' }).message).toMatch(
      /^provider: "google" is not "aws-cognito" — set it in OpenMetadata\.$/,
    );
    expect(configError({ ...openMetadataAuthConfig, provider: undefined }).message).toMatch(
      /^provider: undefined is not "aws-cognito"/,
    );
  });

  it('rejects a confidential client', () => {
    expect(configError({ ...openMetadataAuthConfig, clientType: 'confidential' }).message).toMatch(
      /^clientType: "confidential" needs a client secret — use a public app client\.$/,
    );
  });

  it.each([
    [
      'missing clientId',
      { ...openMetadataAuthConfig, clientId: undefined },
      /^clientId: undefined is not an app client ID — set it in OpenMetadata\.$/,
    ],
    ['empty clientId', { ...openMetadataAuthConfig, clientId: '' }, /^clientId: "" is not an app client ID/],
    [
      'non-string clientId',
      { ...openMetadataAuthConfig, clientId: 42 },
      /^clientId: 42 is not an app client ID/,
    ],
    [
      'missing authority',
      { ...openMetadataAuthConfig, authority: undefined },
      /^authority: undefined is not an issuer URL — set it in OpenMetadata as https:\/\/cognito-idp\.{region}\.amazonaws\.com\/{userPoolId}\.$/,
    ],
    [
      'authority that is not a URL',
      { ...openMetadataAuthConfig, authority: 'cognito' },
      /^authority: "cognito" is not an issuer URL/,
    ],
    [
      'authority without a path',
      { ...openMetadataAuthConfig, authority: 'https://cognito-idp.us-east-1.amazonaws.com/' },
      /^authority: "https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/" is not an issuer URL/,
    ],
    [
      'discovery URL pasted as authority',
      {
        ...openMetadataAuthConfig,
        authority:
          'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Em0lat0r/.well-known/openid-configuration',
      },
      /^authority: "https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_Em0lat0r\/\.well-known\/openid-configuration" is not an issuer URL — set it in OpenMetadata as /,
    ],
    [
      'JWKS URL pasted as authority',
      { ...openMetadataAuthConfig, authority: `${openMetadataAuthConfig.authority}/.well-known/jwks.json` },
      /^authority: ".*jwks\.json" is not an issuer URL/,
    ],
  ])('rejects a %s', (_name, json, message) => {
    expect(configError(json).message).toMatch(message);
  });

  it.each([null, 'aws-cognito', 42, undefined])('rejects the non-object %j', (json) => {
    expect(configError(json).message).toMatch(
      /^auth config: .* is not a JSON object — pass the parsed body of GET \/api\/v1\/system\/config\/auth\.$/,
    );
  });
});
