import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/AuthError.js';
import type { CognitoConfig } from '../../src/CognitoConfig.js';
import { resolveConfig } from '../../src/resolveConfig.js';

const APP = 'http://localhost:8585';
const base: CognitoConfig = { userPoolId: 'eu-west-1_AbC123xyz', clientId: '3n4b5urk1ft4fl3mg5e62d9ado' };

/** Resolves `base` plus `patch` for an app on `origin` and returns the thrown config error's message. */
function configError(patch: Record<string, unknown>, origin = APP): string {
  try {
    resolveConfig({ ...base, ...patch } as CognitoConfig, origin);
  } catch (err) {
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).code).toBe('config');
    return (err as AuthError).message;
  }
  throw new Error('expected an AuthError');
}

describe('resolveConfig derivations', () => {
  it('derives region, issuer, JWKS and discovery URLs and applies the defaults', () => {
    expect(resolveConfig(base, APP)).toEqual({
      userPoolId: 'eu-west-1_AbC123xyz',
      clientId: '3n4b5urk1ft4fl3mg5e62d9ado',
      region: 'eu-west-1',
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz',
      issuers: [
        'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz',
        'https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz',
      ],
      jwksUri: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz/.well-known/jwks.json',
      metadataUrl:
        'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz/.well-known/openid-configuration',
      endpoints: null,
      redirectUri: 'http://localhost:8585/callback',
      postLogoutRedirectUri: 'http://localhost:8585/',
      appOrigin: APP,
      scopes: ['openid', 'email', 'profile'],
      storage: 'session',
      requestTimeoutSeconds: 10,
      renewBeforeExpirySeconds: 60,
      debug: false,
    });
  });

  it('defaults appOrigin to window.location.origin', () => {
    expect(resolveConfig(base).redirectUri).toBe(`${window.location.origin}/callback`);
  });

  it.each([
    ['myapp.auth.eu-west-1.amazoncognito.com', 'https://myapp.auth.eu-west-1.amazoncognito.com'],
    ['myapp.auth.eu-west-1.amazoncognito.com/', 'https://myapp.auth.eu-west-1.amazoncognito.com'],
    ['auth.example.com', 'https://auth.example.com'],
    ['https://auth.example.com/', 'https://auth.example.com'],
    ['http://localhost:9229', 'http://localhost:9229'],
    ['http://127.0.0.1:4001', 'http://127.0.0.1:4001'],
    ['http://[::1]:4001', 'http://[::1]:4001'],
  ])('builds the hosted-UI endpoints from domain %s', (domain, origin) => {
    expect(resolveConfig({ ...base, domain }, APP).endpoints).toEqual({
      authorize: `${origin}/oauth2/authorize`,
      token: `${origin}/oauth2/token`,
      revoke: `${origin}/oauth2/revoke`,
      logout: `${origin}/logout`,
    });
  });

  it('builds the issuer from endpoint (trailing slash stripped)', () => {
    const { issuer, jwksUri } = resolveConfig({ ...base, endpoint: 'http://127.0.0.1:4000/' }, APP);
    expect(issuer).toBe('http://127.0.0.1:4000/eu-west-1_AbC123xyz');
    expect(jwksUri).toBe('http://127.0.0.1:4000/eu-west-1_AbC123xyz/.well-known/jwks.json');
  });

  it('strips every trailing slash of endpoint and authority, not just the last', () => {
    expect(resolveConfig({ ...base, endpoint: 'http://127.0.0.1:4000//' }, APP).issuer).toBe(
      'http://127.0.0.1:4000/eu-west-1_AbC123xyz',
    );
    const authority = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz';
    expect(resolveConfig({ ...base, authority: `${authority}//` }, APP).issuer).toBe(authority);
  });

  it('takes the issuer from authority as given, minus a trailing slash', () => {
    const authority = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz';
    expect(resolveConfig({ ...base, authority: `${authority}/` }, APP).issuer).toBe(authority);
  });

  it('accepts authority together with an endpoint that agrees', () => {
    const config = {
      ...base,
      endpoint: 'http://127.0.0.1:4000',
      authority: 'http://127.0.0.1:4000/eu-west-1_AbC123xyz',
    };
    expect(resolveConfig(config, APP).issuer).toBe('http://127.0.0.1:4000/eu-west-1_AbC123xyz');
  });

  it('keeps explicit options: region, redirect URIs exactly as given, scopes, storage, timeouts, debug', () => {
    const resolved = resolveConfig(
      {
        ...base,
        region: 'eu-west-1',
        redirectUri: 'http://localhost:8585/auth/callback',
        postLogoutRedirectUri: 'http://localhost:8585',
        scopes: ['openid', 'aws.cognito.signin.user.admin', 'https://api.example.com/read'],
        storage: 'memory',
        requestTimeoutSeconds: 2.5,
        renewBeforeExpirySeconds: 120,
        debug: true,
      },
      `${APP}/some/page`,
    );
    expect(resolved).toMatchObject({
      region: 'eu-west-1',
      appOrigin: APP,
      redirectUri: 'http://localhost:8585/auth/callback',
      postLogoutRedirectUri: 'http://localhost:8585',
      scopes: ['openid', 'aws.cognito.signin.user.admin', 'https://api.example.com/read'],
      storage: 'memory',
      requestTimeoutSeconds: 2.5,
      renewBeforeExpirySeconds: 120,
      debug: true,
    });
  });

  it.each([
    ['derived', {}, 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz', true],
    [
      'given as authority in the original form',
      { authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz/' },
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz',
      true,
    ],
    [
      'given as authority in the updated form',
      { authority: 'https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz' },
      'https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz',
      false,
    ],
    [
      'of an emulator',
      { endpoint: 'http://127.0.0.1:4000' },
      'http://127.0.0.1:4000/eu-west-1_AbC123xyz',
      false,
    ],
    [
      'of a proxy',
      { authority: 'https://idp.example.com/cognito/eu-west-1_AbC123xyz' },
      'https://idp.example.com/cognito/eu-west-1_AbC123xyz',
      false,
    ],
  ])(
    'accepts an issuer %s, and its updated twin only when it is an AWS original',
    (_name, patch, issuer, twin) => {
      expect(resolveConfig({ ...base, ...patch }, APP)).toMatchObject({
        issuer,
        issuers: twin ? [issuer, issuer.replace('https://', 'https://issuer-')] : [issuer],
        jwksUri: `${issuer}/.well-known/jwks.json`,
      });
    },
  );

  it.each([
    ['China (aws-cn)', 'cn-north-1', 'amazonaws.com.cn', 'cn-northwest-1'],
    ['the European Sovereign Cloud (aws-eusc)', 'eusc-de-east-1', 'amazonaws.eu', 'eu-west-1'],
  ])(
    "derives the issuer of a pool in %s on its partition's host, and checks the region of such a host",
    (_partition, region, host, otherRegion) => {
      const userPoolId = `${region}_AbC123xyz`;
      const issuer = `https://cognito-idp.${region}.${host}/${userPoolId}`;
      expect(resolveConfig({ ...base, userPoolId }, APP)).toMatchObject({
        region,
        issuer,
        issuers: [issuer, `https://issuer-cognito-idp.${region}.${host}/${userPoolId}`],
      });
      expect(resolveConfig({ ...base, userPoolId, authority: issuer }, APP).issuer).toBe(issuer);
      expect(() =>
        resolveConfig({ ...base, userPoolId, endpoint: `https://cognito-idp.${otherRegion}.${host}` }, APP),
      ).toThrow(`is not in ${region}`);
    },
  );

  it('requires an AWS region as the pool ID prefix unless endpoint or authority is given (emulators: local_…)', () => {
    for (const region of [
      'us-gov-west-1',
      'eu-isoe-west-1',
      'ap-southeast-5',
      'il-central-1',
      'cn-northwest-1',
      'eusc-de-east-1', // AWS European Sovereign Cloud
      'us-east-1',
      'us-isob-east-1',
      'ca-central-1',
      'eu-north-1',
      'ap-south-2',
      'ap-northeast-3',
      'ca-west-1',
      'us-east-10', // a two-digit number, for regions to come
    ]) {
      expect(resolveConfig({ ...base, userPoolId: `${region}_AbC123xyz` }, APP).region).toBe(region);
    }
    const local = { ...base, userPoolId: 'local_AbC123xyz' };
    expect(resolveConfig({ ...local, endpoint: 'http://127.0.0.1:9229' }, APP).region).toBe('local');
    expect(resolveConfig({ ...local, authority: 'http://localhost:9229/local_AbC123xyz' }, APP).region).toBe(
      'local',
    );
    expect(() => resolveConfig({ ...local, domain: 'http://localhost:9230' }, APP)).toThrow(
      /^userPoolId: "local_AbC123xyz" does not start with an AWS region — /,
    );
  });

  it('accepts seconds up to 2147483 (setTimeout waits at most 2^31 - 1 ms), not one more', () => {
    const config = { ...base, requestTimeoutSeconds: 2147483, renewBeforeExpirySeconds: 2147483 };
    expect(resolveConfig(config, APP)).toMatchObject(config);
    expect(() => resolveConfig({ ...config, renewBeforeExpirySeconds: 2147484 }, APP)).toThrow(
      /^renewBeforeExpirySeconds: 2147484 is not a positive number up to 2147483 — /,
    );
  });

  it('accepts a pool ID of the maximum length of 55 characters', () => {
    const userPoolId = `us-east-1_${'a'.repeat(45)}`;
    expect(resolveConfig({ ...base, userPoolId }, APP).region).toBe('us-east-1');
  });
});

describe('resolveConfig errors', () => {
  const HTTPS_FIX = String.raw` — use https:\/\/ \(http:\/\/ only on loopback\)\.$`;
  it.each([
    [
      'empty userPoolId',
      { userPoolId: '' },
      /^userPoolId: "" is not a user pool ID — copy it from the Cognito console \(e\.g\. us-east-1_AbC123xyz\)\.$/,
    ],
    [
      'userPoolId without region',
      { userPoolId: 'AbC123xyz' },
      /^userPoolId: "AbC123xyz" is not a user pool ID/,
    ],
    [
      'userPoolId with a bad id part',
      { userPoolId: 'us-east-1_abc-def' },
      /^userPoolId: "us-east-1_abc-def" is not/,
    ],
    [
      'userPoolId over 55 characters',
      { userPoolId: `us-east-1_${'a'.repeat(46)}` },
      /^userPoolId: "us-east-1_a+" is not a user pool ID/,
    ],
    ['non-string userPoolId', { userPoolId: 42 }, /^userPoolId: 42 is not a user pool ID/],
    [
      'userPoolId whose prefix is no AWS region (a typo)',
      { userPoolId: 'us-east1_AbC123xyz' },
      /^userPoolId: "us-east1_AbC123xyz" does not start with an AWS region — copy it from the Cognito console \(e\.g\. us-east-1_AbC123xyz\)\.$/,
    ],
    [
      'userPoolId whose region has a misspelt direction (a typo)',
      { userPoolId: 'eu-wset-1_AbC123xyz' },
      /^userPoolId: "eu-wset-1_AbC123xyz" does not start with an AWS region — /,
    ],
    [
      'userPoolId whose region has a misspelt compound direction (a typo)',
      { userPoolId: 'ap-southest-1_AbC123xyz' },
      /^userPoolId: "ap-southest-1_AbC123xyz" does not start with an AWS region — /,
    ],
    [
      'userPoolId whose prefix is an availability zone, not a region',
      { userPoolId: 'eu-west-1a_AbC123xyz' },
      /^userPoolId: "eu-west-1a_AbC123xyz" does not start with an AWS region — /,
    ],
    [
      'userPoolId whose region has a stray character in front',
      { userPoolId: 'x-eu-west-1_AbC123xyz' },
      /^userPoolId: "x-eu-west-1_AbC123xyz" does not start with an AWS region — /,
    ],
    [
      'userPoolId with an upper-case region',
      { userPoolId: 'US-EAST-1_AbC123xyz' },
      /^userPoolId: "US-EAST-1_AbC123xyz" does not start with an AWS region — /,
    ],
    [
      'region contradicting the pool',
      { region: 'us-east-1' },
      /^region: "us-east-1" contradicts userPoolId — use "eu-west-1" or leave it out\.$/,
    ],
    [
      'empty clientId',
      { clientId: '' },
      /^clientId: "" is not an app client ID — copy it from the Cognito console\.$/,
    ],
    ['clientId with a space', { clientId: 'abc def' }, /^clientId: "abc def" is not an app client ID/],
    [
      'clientId over 128 characters',
      { clientId: 'a'.repeat(129) },
      /^clientId: "a+" is not an app client ID/,
    ],
    ['empty domain', { domain: '' }, new RegExp(String.raw`^domain: "" is not an https URL` + HTTPS_FIX)],
    [
      'domain that is not a URL',
      { domain: 'https://exa mple.com' },
      /^domain: "https:\/\/exa mple\.com" is not an https URL/,
    ],
    [
      'non-localhost http domain',
      { domain: 'http://auth.example.com' },
      new RegExp(String.raw`^domain: "http:\/\/auth\.example\.com" is not an https URL` + HTTPS_FIX),
    ],
    [
      'ftp domain',
      { domain: 'ftp://auth.example.com' },
      /^domain: "ftp:\/\/auth\.example\.com" is not an https URL/,
    ],
    [
      'javascript: domain',
      { domain: 'javascript:alert(1)' },
      /^domain: "javascript:alert\(1\)" is not an https URL/,
    ],
    [
      'domain with a path',
      { domain: 'https://auth.example.com/oauth2' },
      /^domain: "https:\/\/auth\.example\.com\/oauth2" has a path, credentials, a query or a fragment — remove them\.$/,
    ],
    [
      'domain with a query',
      { domain: 'auth.example.com?x=1' },
      /^domain: ".*" has a path, credentials, a query or a fragment/,
    ],
    [
      'domain with a fragment',
      { domain: 'https://auth.example.com/#x' },
      /^domain: .* has a path, credentials, a query or a fragment/,
    ],
    ['domain with credentials', { domain: 'https://user:pw@auth.example.com' }, /^domain: .* credentials/],
    [
      'domain in another region',
      { domain: 'myapp.auth.us-east-1.amazoncognito.com' },
      /^domain: "myapp\.auth\.us-east-1\.amazoncognito\.com" is not in eu-west-1 — use the user pool's region\.$/,
    ],
    [
      'non-loopback http endpoint',
      { endpoint: 'http://10.0.0.5:9229' },
      new RegExp(String.raw`^endpoint: "http:\/\/10\.0\.0\.5:9229" is not an https URL` + HTTPS_FIX),
    ],
    [
      'endpoint without scheme',
      { endpoint: 'localhost:9229' },
      /^endpoint: "localhost:9229" is not an https URL/,
    ],
    [
      'endpoint with a query',
      { endpoint: 'http://127.0.0.1:4000/?a=1' },
      /^endpoint: .* has credentials, a query or a fragment — remove them\.$/,
    ],
    [
      'endpoint in another region',
      { endpoint: 'https://cognito-idp.us-east-1.amazonaws.com' },
      /^endpoint: "https:\/\/cognito-idp\.us-east-1\.amazonaws\.com" is not in eu-west-1/,
    ],
    [
      'authority in the updated form in another region',
      { authority: 'https://issuer-cognito-idp.us-east-1.amazonaws.com/eu-west-1_AbC123xyz' },
      /^authority: ".*" is not in eu-west-1 — use the user pool's region\.$/,
    ],
    [
      'authority in another China region',
      {
        userPoolId: 'cn-north-1_AbC123xyz',
        authority: 'https://cognito-idp.cn-northwest-1.amazonaws.com.cn/cn-north-1_AbC123xyz',
      },
      /^authority: "https:\/\/cognito-idp\.cn-northwest-1\.amazonaws\.com\.cn\/cn-north-1_AbC123xyz" is not in cn-north-1 — /,
    ],
    [
      'endpoint in China for a pool elsewhere',
      { endpoint: 'https://cognito-idp.cn-north-1.amazonaws.com.cn' },
      /^endpoint: ".*" is not in eu-west-1 — use the user pool's region\.$/,
    ],
    [
      'authority not ending with the pool ID',
      { authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other1' },
      /^authority: ".*" is not the pool's issuer — use https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com\/eu-west-1_AbC123xyz or leave it out\.$/,
    ],
    ['non-string authority', { authority: 7 }, new RegExp('^authority: 7 is not an https URL' + HTTPS_FIX)],
    [
      'non-loopback http authority',
      { authority: 'http://issuer.example.com/eu-west-1_AbC123xyz' },
      /^authority: "http:\/\/issuer\.example\.com\/eu-west-1_AbC123xyz" is not an https URL/,
    ],
    [
      'non-loopback http authority whose path holds an https URL (a plain-http proxy)',
      {
        authority: 'http://proxy.example.com/https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz',
      },
      new RegExp(
        String.raw`^authority: "http:\/\/proxy\.example\.com\/https:.*" is not an https URL` + HTTPS_FIX,
      ),
    ],
    [
      'non-loopback http endpoint whose path holds a loopback URL',
      { endpoint: 'http://proxy.example.com/http://localhost:9229' },
      /^endpoint: "http:\/\/proxy\.example\.com\/http:\/\/localhost:9229" is not an https URL/,
    ],
    [
      'authority in another region',
      { authority: 'https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_AbC123xyz' },
      /^authority: ".*" is not in eu-west-1 — use the user pool's region\.$/,
    ],
    [
      'authority disagreeing with endpoint',
      { endpoint: 'http://127.0.0.1:4000', authority: 'http://127.0.0.1:5000/eu-west-1_AbC123xyz' },
      /^authority: ".*" is not the pool's issuer — use http:\/\/127\.0\.0\.1:4000\/eu-west-1_AbC123xyz or leave it out\.$/,
    ],
    [
      'redirectUri on another origin',
      { redirectUri: 'https://evil.example/callback' },
      /^redirectUri: "https:\/\/evil\.example\/callback" is not a URL on http:\/\/localhost:8585 without "#" — use one registered on the app client\.$/,
    ],
    [
      'redirectUri on another port',
      { redirectUri: 'http://localhost:3000/callback' },
      /^redirectUri: .* is not a URL on http:\/\/localhost:8585 without "#"/,
    ],
    [
      'relative redirectUri',
      { redirectUri: '/callback' },
      /^redirectUri: "\/callback" is not a URL on http:\/\/localhost:8585/,
    ],
    [
      'redirectUri with a fragment',
      { redirectUri: 'http://localhost:8585/callback#x' },
      /^redirectUri: ".*#x" is not a URL on .* without "#"/,
    ],
    [
      'postLogoutRedirectUri on another origin',
      { postLogoutRedirectUri: 'https://evil.example/' },
      /^postLogoutRedirectUri: .* is not a URL on http:\/\/localhost:8585 without "#"/,
    ],
    [
      'postLogoutRedirectUri with a fragment',
      { postLogoutRedirectUri: 'http://localhost:8585/#bye' },
      /^postLogoutRedirectUri: ".*#bye" is not a URL on .* without "#"/,
    ],
    [
      'scopes without openid',
      { scopes: ['email', 'profile'] },
      /^scopes: \["email","profile"\] lacks "openid" or has a bad entry — include "openid", one scope per entry\.$/,
    ],
    ['empty scopes', { scopes: [] }, /^scopes: \[\] lacks "openid"/],
    [
      'space-separated scopes in one entry',
      { scopes: ['openid email'] },
      /^scopes: \["openid email"\] lacks "openid" or has a bad entry/,
    ],
    ['a scope with a quote', { scopes: ['openid', 'a"b'] }, /^scopes: .* has a bad entry/],
    ['an empty scope', { scopes: ['openid', ''] }, /^scopes: .* has a bad entry/],
    ['a non-string scope', { scopes: ['openid', undefined] }, /^scopes: .* has a bad entry/],
    [
      'scopes as a string',
      { scopes: 'openid email' },
      /^scopes: "openid email" lacks "openid" or has a bad entry/,
    ],
    [
      'unknown storage',
      { storage: 'cookie' },
      /^storage: "cookie" is unknown — use one of \["session","local","memory"\]\.$/,
    ],
    [
      'zero request timeout',
      { requestTimeoutSeconds: 0 },
      /^requestTimeoutSeconds: 0 is not a positive number up to 2147483 — give seconds, e\.g\. 10\.$/,
    ],
    [
      'negative renewal lead',
      { renewBeforeExpirySeconds: -5 },
      /^renewBeforeExpirySeconds: -5 is not a positive number up to 2147483 — give seconds, e\.g\. 60\.$/,
    ],
    [
      'a request timeout beyond setTimeout (it would fire at once)',
      { requestTimeoutSeconds: 2147484 },
      /^requestTimeoutSeconds: 2147484 is not a positive number up to 2147483 — give seconds, e\.g\. 10\.$/,
    ],
    [
      'a renewal lead beyond setTimeout',
      { renewBeforeExpirySeconds: 1e10 },
      /^renewBeforeExpirySeconds: 10000000000 is not a positive number up to 2147483 — /,
    ],
    ['infinite timeout', { requestTimeoutSeconds: Infinity }, /^requestTimeoutSeconds: Infinity is not/],
    ['NaN timeout', { requestTimeoutSeconds: NaN }, /^requestTimeoutSeconds: NaN is not/],
    [
      'timeout as a string',
      { requestTimeoutSeconds: '5' },
      /^requestTimeoutSeconds: "5" is not a positive number/,
    ],
  ])('rejects %s', (_name, patch, message) => {
    expect(configError(patch)).toMatch(message);
  });
});

describe('resolveConfig app URLs', () => {
  it.each([
    'http://om.corp:8585',
    'http://127.0.0.1:8585',
    'http://[::1]:8585',
    'http://localhost.example.com',
  ])(
    'rejects the default redirectUri of an app on %s: Cognito allows http:// only for localhost',
    (origin) => {
      expect(configError({}, origin)).toBe(
        `redirectUri: "${origin}/callback" is not an https URL — serve the app over https:// (http:// only on localhost).`,
      );
    },
  );

  it('accepts https, and http on localhost at any port, and rejects an explicit redirectUri on other http', () => {
    for (const origin of [
      'https://om.corp',
      'https://om.corp:8443',
      'http://localhost',
      'http://localhost:5173',
    ]) {
      expect(resolveConfig(base, origin)).toMatchObject({
        redirectUri: `${origin}/callback`,
        postLogoutRedirectUri: `${origin}/`,
      });
    }
    expect(configError({ redirectUri: 'http://om.corp:8585/auth/cb' }, 'http://om.corp:8585')).toMatch(
      /^redirectUri: "http:\/\/om\.corp:8585\/auth\/cb" is not an https URL — /,
    );
  });
});
