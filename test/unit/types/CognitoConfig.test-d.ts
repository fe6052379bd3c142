import { describe, expectTypeOf, it } from 'vitest';
import type { CognitoConfig } from '../../../src/CognitoConfig.js';

describe('CognitoConfig', () => {
  it('requires the pool and the client, everything else is optional', () => {
    expectTypeOf<{ userPoolId: string; clientId: string }>().toExtend<CognitoConfig>();
    expectTypeOf<{ userPoolId: string }>().not.toExtend<CognitoConfig>();
    expectTypeOf<{ clientId: string }>().not.toExtend<CognitoConfig>();
  });

  it('limits storage to the three kinds and takes readonly scopes', () => {
    expectTypeOf<CognitoConfig['storage']>().toEqualTypeOf<'session' | 'local' | 'memory' | undefined>();
    expectTypeOf<{
      userPoolId: string;
      clientId: string;
      scopes: readonly ['openid'];
    }>().toExtend<CognitoConfig>();
    expectTypeOf<{ userPoolId: string; clientId: string; storage: 'cookie' }>().not.toExtend<CognitoConfig>();
  });
});
