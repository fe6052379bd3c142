import { describe, expect, it } from 'vitest';
import { readCognitoEnv } from '../../demo/server/readCognitoEnv.js';

const POOL = {
  COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEf123',
  COGNITO_CLIENT_ID: '1example23456789',
  COGNITO_DOMAIN: 'myapp.auth.eu-west-1.amazoncognito.com',
};

describe('readCognitoEnv: which pool `npm run demo` signs in against', () => {
  it('chooses the emulator when none of the three pool variables is set (blank counts as unset)', () => {
    expect(readCognitoEnv({})).toEqual({ kind: 'emulator' });
    expect(
      readCognitoEnv({ COGNITO_USER_POOL_ID: ' ', COGNITO_CLIENT_ID: '', COGNITO_REGION: 'eu-west-1' }),
    ).toEqual({ kind: 'emulator' });
  });

  it('reads a real pool: values trimmed, region from the pool ID, the issuer as authority', () => {
    expect(readCognitoEnv({ ...POOL, COGNITO_CLIENT_ID: ` ${POOL.COGNITO_CLIENT_ID}\n` })).toEqual({
      kind: 'pool',
      auth: {
        userPoolId: 'eu-west-1_AbCdEf123',
        clientId: '1example23456789',
        domain: 'myapp.auth.eu-west-1.amazoncognito.com',
        authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
      },
    });
  });

  it('takes COGNITO_REGION when it agrees with the pool ID, and COGNITO_ENDPOINT without its trailing slashes', () => {
    const env = { ...POOL, COGNITO_REGION: 'eu-west-1', COGNITO_ENDPOINT: 'http://localhost:9229//' };
    expect(readCognitoEnv(env)).toMatchObject({
      kind: 'pool',
      auth: { authority: 'http://localhost:9229/eu-west-1_AbCdEf123' },
    });
  });

  it('names each missing variable of a partial set', () => {
    expect(readCognitoEnv({ COGNITO_CLIENT_ID: POOL.COGNITO_CLIENT_ID })).toEqual({
      kind: 'invalid',
      problems: [
        'COGNITO_USER_POOL_ID is not set (all of COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_DOMAIN are needed)',
        'COGNITO_DOMAIN is not set (all of COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_DOMAIN are needed)',
      ],
    });
  });

  it('lists every problem of a complete set at once: a malformed pool ID and an endpoint that is no URL', () => {
    expect(
      readCognitoEnv({ ...POOL, COGNITO_USER_POOL_ID: 'AbCdEf123', COGNITO_ENDPOINT: 'cognito local' }),
    ).toEqual({
      kind: 'invalid',
      problems: [
        'COGNITO_USER_POOL_ID "AbCdEf123" is not a user pool ID like eu-west-1_AbCdEf123',
        'COGNITO_ENDPOINT "cognito local" is not a URL',
      ],
    });
  });

  it('refuses a COGNITO_REGION that contradicts the pool ID', () => {
    expect(readCognitoEnv({ ...POOL, COGNITO_REGION: 'us-east-1' })).toEqual({
      kind: 'invalid',
      problems: ['COGNITO_REGION "us-east-1" contradicts COGNITO_USER_POOL_ID, which is in eu-west-1'],
    });
  });
});
