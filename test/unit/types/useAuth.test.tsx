import { render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { useAuth } from 'react-cognito-sso';
import { MockCognitoProvider, createMockUser } from 'react-cognito-sso/testing';
import { describe, expect, it } from 'vitest';

/** Claims described the usual way in an app: an interface, which has no index signature. */
interface TeamInterface {
  'custom:team': string;
  roles: string[];
}

describe('useAuth() types', () => {
  it('hands an interface-typed claim to the component at run time', () => {
    function Team() {
      const { user } = useAuth<TeamInterface>();
      const team: string | undefined = user?.claims['custom:team'];
      const roles: string[] | undefined = user?.claims.roles;
      return <p>{`${team ?? 'none'} ${roles?.join('+') ?? ''}`}</p>;
    }
    render(
      <StrictMode>
        <MockCognitoProvider
          user={createMockUser<TeamInterface>({ 'custom:team': 'data', roles: ['a', 'b'] })}
        >
          <Team />
        </MockCognitoProvider>
      </StrictMode>,
    );
    expect(screen.getByText('data a+b')).toBeTruthy();
  });
});
