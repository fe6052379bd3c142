import { render, screen } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import {
  useAuth,
  type CognitoIdTokenClaims,
  type CognitoUser,
  type CustomClaims,
  type SignInOptions,
} from 'react-cognito-sso';
import {
  MockCognitoProvider,
  createMockUser,
  type MockCognitoProviderProps,
} from 'react-cognito-sso/testing';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';

interface TeamClaims {
  'custom:team': string;
  roles: string[];
}

describe('testing kit types', () => {
  it('createMockUser() makes a CognitoUser, its claims typed by what it is given', () => {
    expectTypeOf(createMockUser()).toEqualTypeOf<CognitoUser>();
    expectTypeOf(createMockUser()).toEqualTypeOf<CognitoUser<CustomClaims>>();
    expectTypeOf(createMockUser).parameter(0).toExtend<Partial<CognitoIdTokenClaims> | undefined>();
    const inferred = createMockUser({ 'custom:team': 'data', 'cognito:groups': ['admin'] });
    expectTypeOf(inferred.claims['custom:team']).toEqualTypeOf<string>();
    expectTypeOf(inferred.claims['cognito:groups']).toEqualTypeOf<string[]>();
    expectTypeOf(inferred.groups).toEqualTypeOf<readonly string[]>();
    expectTypeOf(inferred.expiresAt).toEqualTypeOf<number>();
    expectTypeOf(inferred.idToken).toEqualTypeOf<string>();
    expectTypeOf(inferred.accessToken).toEqualTypeOf<string>();
    expect(inferred.groups).toEqual(['admin']); // derived from cognito:groups
    expect(inferred.expiresAt).toBe(inferred.claims.exp * 1000);
  });

  it('<MockCognitoProvider> takes any mock user, a status, an error and spies', () => {
    expectTypeOf<CognitoUser<TeamClaims>>().toExtend<MockCognitoProviderProps['user']>();
    expectTypeOf<CognitoUser>().toExtend<MockCognitoProviderProps['user']>();
    expectTypeOf<null>().toExtend<MockCognitoProviderProps['user']>();
    expectTypeOf<MockCognitoProviderProps['children']>().toEqualTypeOf<ReactNode>();
    expectTypeOf(vi.fn()).toExtend<MockCognitoProviderProps['signIn']>();
    expectTypeOf(vi.fn<(options?: SignInOptions) => Promise<void>>()).toExtend<
      MockCognitoProviderProps['signIn']
    >();
    expectTypeOf(vi.fn()).toExtend<MockCognitoProviderProps['signOut']>();
    expectTypeOf<'loading'>().toExtend<MockCognitoProviderProps['status']>();
    // @ts-expect-error an error is an AuthError
    expectTypeOf<Error>().toExtend<MockCognitoProviderProps['error']>();
    function Team() {
      return <p>team {useAuth<TeamClaims>().user?.claims['custom:team']}</p>;
    }
    render(
      <StrictMode>
        <MockCognitoProvider user={createMockUser<TeamClaims>({ 'custom:team': 'x', roles: [] })}>
          <Team />
        </MockCognitoProvider>
      </StrictMode>,
    );
    expect(screen.getByText('team x')).toBeTruthy();
  });
});
