import { renderHook } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { useAuthFetch } from 'react-cognito-sso';
import { MockCognitoProvider, createMockUser } from 'react-cognito-sso/testing';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';

describe('useAuthFetch() types', () => {
  it("returns fetch's signature plus a token option", async () => {
    type AuthFetch = ReturnType<typeof useAuthFetch>;
    expectTypeOf<AuthFetch>().parameter(0).toEqualTypeOf<RequestInfo | URL>();
    expectTypeOf<AuthFetch>()
      .parameter(1)
      .toEqualTypeOf<(RequestInit & { token?: 'access' | 'id' }) | undefined>();
    expectTypeOf<AuthFetch>().returns.toEqualTypeOf<Promise<Response>>();
    // @ts-expect-error the token is 'access' or 'id'
    expectTypeOf<AuthFetch>().toBeCallableWith('/api', { token: 'refresh' });

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    const user = createMockUser();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StrictMode>
        <MockCognitoProvider user={user}>{children}</MockCognitoProvider>
      </StrictMode>
    );
    const { result } = renderHook(() => useAuthFetch(), { wrapper });
    const response = await result.current('/api', { token: 'id', method: 'DELETE' });
    expectTypeOf(response).toEqualTypeOf<Response>();
    expect(response.status).toBe(204);
  });
});
