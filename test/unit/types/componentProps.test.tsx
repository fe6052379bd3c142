import { render, screen } from '@testing-library/react';
import { StrictMode, type ComponentProps, type ReactNode } from 'react';
import {
  AuthCallback,
  CognitoProvider,
  RequireAuth,
  type AuthCallbackProps,
  type CognitoConfig,
  type CognitoProviderProps,
  type CognitoUser,
  type RequireAuthProps,
} from 'react-cognito-sso';
import { MockCognitoProvider, createMockUser } from 'react-cognito-sso/testing';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { resolveConfig } from '../../../src/resolveConfig.js';

describe('component props types', () => {
  it('<CognitoProvider> requires userPoolId and clientId, and takes every config field', () => {
    expectTypeOf<ComponentProps<typeof CognitoProvider>>().toEqualTypeOf<CognitoProviderProps>();
    expectTypeOf<CognitoProviderProps>().toExtend<CognitoConfig>();
    expectTypeOf<CognitoProviderProps['children']>().toEqualTypeOf<ReactNode>();
    expectTypeOf<CognitoProviderProps['onSignIn']>().toEqualTypeOf<
      ((user: CognitoUser) => void) | undefined
    >();
    const minimal = <CognitoProvider userPoolId="us-east-1_AbC123" clientId="client" />;
    // @ts-expect-error userPoolId is required
    const noPool = <CognitoProvider clientId="client" />;
    // @ts-expect-error clientId is required
    const noClient = <CognitoProvider userPoolId="us-east-1_AbC123" />;
    // @ts-expect-error storage is 'session' | 'local' | 'memory'
    const badStorage = <CognitoProvider userPoolId="us-east-1_AbC123" clientId="client" storage="cookie" />;
    // what the types reject, the provider's runtime check rejects too
    expect(resolveConfig(minimal.props as CognitoConfig).storage).toBe('session');
    for (const rejected of [noPool, noClient, badStorage]) {
      expect(() => resolveConfig(rejected.props as CognitoConfig)).toThrow(
        expect.objectContaining({ code: 'config' }),
      );
    }
  });

  it('lets an app pass props built with the exported types', async () => {
    const guard: RequireAuthProps = { groups: ['admin'] as const, children: <p>admin area</p> };
    const callback: AuthCallbackProps = { navigate: vi.fn(), loading: <p>finishing…</p> };
    render(
      <StrictMode>
        <MockCognitoProvider user={createMockUser({ 'cognito:groups': ['admin'] })}>
          <RequireAuth {...guard} />
          <AuthCallback {...callback} />
        </MockCognitoProvider>
      </StrictMode>,
    );
    expect(screen.getByText('admin area')).toBeTruthy();
    expect(screen.getByText('finishing…')).toBeTruthy();
    await vi.waitFor(() => expect(callback.navigate).toHaveBeenCalledWith('/', { replace: true }));
  });
});
