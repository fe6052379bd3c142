import { CognitoProvider, configFromOpenMetadata, type CognitoProviderProps } from 'react-cognito-sso';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { resolveConfig } from '../../../src/resolveConfig.js';
import { openMetadataAuthConfig } from '../support/openMetadataAuthConfig.js';

describe('configFromOpenMetadata() types', () => {
  it('returns props <CognitoProvider> takes as they are', () => {
    const config = configFromOpenMetadata(openMetadataAuthConfig, { storage: 'local' });
    expectTypeOf(config).toExtend<Omit<CognitoProviderProps, 'children' | 'onSignIn'>>();
    const element = <CognitoProvider {...config} />;
    // the provider's own check accepts them and derives the issuer from them
    expect(resolveConfig(element.props, 'http://localhost:8585')).toMatchObject({
      userPoolId: 'us-east-1_Em0lat0r',
      clientId: '3n4b5urk1ft4fl3mg5e62d9ado',
      region: 'us-east-1',
      redirectUri: 'http://localhost:8585/callback',
      storage: 'local',
    });
  });
});
