import type { ComponentProps, ReactNode } from 'react';
import type {
  AuthCallback,
  AuthCallbackProps,
  AuthError,
  RequireAuth,
  RequireAuthProps,
} from 'react-cognito-sso';
import type { NavigateFunction } from 'react-router';
import { describe, expectTypeOf, it } from 'vitest';

describe('component props types', () => {
  it('exports the props of <RequireAuth> and <AuthCallback> by name', () => {
    expectTypeOf<ComponentProps<typeof RequireAuth>>().toEqualTypeOf<RequireAuthProps>();
    expectTypeOf<RequireAuthProps>().toEqualTypeOf<{
      children: ReactNode;
      groups?: readonly string[];
      fallback?: ReactNode;
      loading?: ReactNode;
      renderError?: (error: AuthError, retry: () => void) => ReactNode;
    }>();
    expectTypeOf<ComponentProps<typeof AuthCallback>>().toEqualTypeOf<AuthCallbackProps>();
    expectTypeOf<AuthCallbackProps>().toEqualTypeOf<{
      navigate?: (path: string, options: { replace: true }) => void;
      loading?: ReactNode;
      renderError?: (error: AuthError, retry: () => void) => ReactNode;
    }>();
  });

  it("takes React Router's navigate function as it is, and one that ignores the options", () => {
    expectTypeOf<NavigateFunction>().toExtend<AuthCallbackProps['navigate']>();
    expectTypeOf<(path: string) => void>().toExtend<AuthCallbackProps['navigate']>();
  });
});
