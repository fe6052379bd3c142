import { configFromOpenMetadata, type CognitoConfig } from 'react-cognito-sso';
import { describe, expectTypeOf, it } from 'vitest';
import { openMetadataAuthConfig } from '../support/openMetadataAuthConfig.js';

describe('configFromOpenMetadata() types', () => {
  it('takes any JSON and optional config overrides, and returns a CognitoConfig', () => {
    expectTypeOf(configFromOpenMetadata).parameters.toEqualTypeOf<
      [json: unknown, overrides?: Partial<CognitoConfig>]
    >();
    expectTypeOf(configFromOpenMetadata).returns.toEqualTypeOf<CognitoConfig>();
    expectTypeOf(configFromOpenMetadata(openMetadataAuthConfig).storage).toEqualTypeOf<
      'session' | 'local' | 'memory' | undefined
    >();
  });

  it('checks the overrides as config fields', () => {
    expectTypeOf(configFromOpenMetadata).toBeCallableWith(openMetadataAuthConfig, {
      domain: 'openmetadata.auth.us-east-1.amazoncognito.com',
      storage: 'local',
    });
    // @ts-expect-error storage is 'session' | 'local' | 'memory'
    expectTypeOf(configFromOpenMetadata).toBeCallableWith(openMetadataAuthConfig, { storage: 'cookie' });
    // @ts-expect-error not a config field
    expectTypeOf(configFromOpenMetadata).toBeCallableWith(openMetadataAuthConfig, { clientSecret: 'x' });
  });
});
