import {
  useAuth,
  type AuthContextValue,
  type AuthError,
  type AuthStatus,
  type CognitoIdTokenClaims,
  type CognitoUser,
  type CustomClaims,
  type SignInOptions,
} from 'react-cognito-sso';
import { describe, expectTypeOf, it } from 'vitest';

type TeamLiteral = { 'custom:team': string };

/** Claims described the usual way in an app: an interface, which has no index signature. */
interface TeamInterface {
  'custom:team': string;
  roles: string[];
}

describe('useAuth() types', () => {
  it('returns the context value: status, flags, user, error and the actions', () => {
    expectTypeOf(useAuth<CustomClaims>).returns.toEqualTypeOf<AuthContextValue>();
    expectTypeOf<AuthContextValue['status']>().toEqualTypeOf<AuthStatus>();
    expectTypeOf<AuthStatus>().toEqualTypeOf<'loading' | 'authenticated' | 'unauthenticated' | 'error'>();
    expectTypeOf<AuthContextValue['isLoading']>().toEqualTypeOf<boolean>();
    expectTypeOf<AuthContextValue['isAuthenticated']>().toEqualTypeOf<boolean>();
    expectTypeOf<AuthContextValue['user']>().toEqualTypeOf<CognitoUser | null>();
    expectTypeOf<AuthContextValue['error']>().toEqualTypeOf<AuthError | null>();
    expectTypeOf<AuthContextValue['signIn']>().parameters.toEqualTypeOf<[options?: SignInOptions]>();
    expectTypeOf<AuthContextValue['signIn']>().returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<AuthContextValue['signOut']>().toEqualTypeOf<() => Promise<void>>();
    expectTypeOf<AuthContextValue['getAccessToken']>().toEqualTypeOf<() => Promise<string>>();
    expectTypeOf<AuthContextValue['getIdToken']>().toEqualTypeOf<() => Promise<string>>();
    expectTypeOf<SignInOptions>().toEqualTypeOf<{
      returnTo?: string;
      identityProvider?: string;
      loginHint?: string;
      lang?: string;
      replace?: boolean;
    }>();
  });

  it('reads any claim as unknown by default, the Cognito ones typed', () => {
    type Claims = CognitoUser['claims'];
    expectTypeOf<CustomClaims>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<Claims>().toEqualTypeOf<CognitoIdTokenClaims & CustomClaims>();
    expectTypeOf<Claims['roles']>().toBeUnknown();
    expectTypeOf<Claims['custom:team']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Claims['cognito:username']>().toEqualTypeOf<string>();
    expectTypeOf<CognitoUser['groups']>().toEqualTypeOf<readonly string[]>();
  });

  it('types the claims by a type literal', () => {
    expectTypeOf(useAuth<TeamLiteral>).returns.toEqualTypeOf<AuthContextValue<TeamLiteral>>();
    expectTypeOf<AuthContextValue<TeamLiteral>['user']>().toEqualTypeOf<CognitoUser<TeamLiteral> | null>();
    expectTypeOf<CognitoUser<TeamLiteral>['claims']>().toEqualTypeOf<CognitoIdTokenClaims & TeamLiteral>();
    expectTypeOf<CognitoUser<TeamLiteral>['claims']['custom:team']>().toEqualTypeOf<string>();
  });

  it('types the claims by an interface', () => {
    expectTypeOf(useAuth<TeamInterface>).returns.toEqualTypeOf<AuthContextValue<TeamInterface>>();
    expectTypeOf<CognitoUser<TeamInterface>['claims']>().toEqualTypeOf<
      CognitoIdTokenClaims & TeamInterface
    >();
    expectTypeOf<CognitoUser<TeamInterface>['claims']['roles']>().toEqualTypeOf<string[]>();
    expectTypeOf<CognitoUser<TeamInterface>['claims']['sub']>().toEqualTypeOf<string>();
    // @ts-expect-error an interface declares its claims: no others
    expectTypeOf<CognitoUser<TeamInterface>['claims']['level']>().toBeUnknown();
  });

  it('takes object types only as claims', () => {
    // @ts-expect-error claims are an object type
    expectTypeOf(useAuth<string>).toBeFunction();
    // @ts-expect-error claims are an object type
    expectTypeOf<CognitoUser<number>>().toBeObject();
  });
});
