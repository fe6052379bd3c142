import { Component } from 'react';
import type { ReactNode } from 'react';
import { StartupFailure } from './StartupFailure.js';

/**
 * Shows a configuration error instead of a blank page: `<CognitoProvider>` throws an `AuthError` code `config`
 * on its first render when the served auth configuration is unusable (an error boundary must be a class).
 */
export class StartupErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error === null ? (
      this.props.children
    ) : (
      <StartupFailure message={this.state.error.message} />
    );
  }
}
