import { describe, expect, it } from 'vitest';
import * as sdk from '../../src/index.js';
import * as testing from '../../src/testing/index.js';

// The types each entry exports are locked by api/react-cognito-sso.api.md and checked in test/unit/types/.
describe('public API', () => {
  it('exports exactly the contract', () => {
    expect(Object.keys(sdk).sort()).toEqual([
      'AuthCallback',
      'AuthError',
      'CognitoProvider',
      'RequireAuth',
      'configFromOpenMetadata',
      'sanitizeReturnTo',
      'useAuth',
      'useAuthFetch',
      'useSessionExpiry',
    ]);
  });

  it('exports the testing kit from react-cognito-sso/testing', () => {
    expect(Object.keys(testing).sort()).toEqual(['MockCognitoProvider', 'createMockUser']);
  });
});
