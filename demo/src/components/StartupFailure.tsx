import { AuthCard } from './AuthCard.js';
import { ErrorPanel } from './ErrorPanel.js';

/** The page shown when the catalog cannot start: its auth configuration could not be loaded or is unusable. */
export function StartupFailure({ message }: { message: string }) {
  return (
    <AuthCard>
      <title>Cannot start · Data Catalog</title>
      <h1>The catalog cannot start</h1>
      <ErrorPanel message={message} />
    </AuthCard>
  );
}
