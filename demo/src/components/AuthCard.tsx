import type { ReactNode } from 'react';
import { BrandLogo } from './BrandLogo.js';

/** The centred brand card of the pages outside a session: sign-in, callback, sign-out, start-up errors. */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <BrandLogo size="large" />
        {children}
      </div>
      <p className="auth-footer">
        react-cognito-sso demo · Amazon Cognito hosted UI with authorization code + PKCE
      </p>
    </main>
  );
}
