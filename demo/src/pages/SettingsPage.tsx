import type { OpenMetadataAuthConfig } from '../../shared/OpenMetadataAuthConfig.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { Spinner } from '../components/Spinner.js';
import { useApi } from '../hooks/useApi.js';

/** Settings (the `admin` group only): the authentication configuration the catalog runs with. */
export function SettingsPage() {
  const config = useApi<OpenMetadataAuthConfig>('/api/v1/system/config/auth');
  return (
    <>
      <title>Settings · Data Catalog</title>
      <h1>Settings</h1>
      <section className="card" aria-labelledby="sso-heading">
        <h2 id="sso-heading">Authentication</h2>
        {config.status === 'loading' && <Spinner label="Loading settings…" />}
        {config.status === 'error' && <ErrorPanel message={config.message} />}
        {config.status === 'success' && (
          <dl className="facts">
            <dt>Provider</dt>
            <dd>{config.data.providerName}</dd>
            <dt>Client type</dt>
            <dd>{config.data.clientType}</dd>
            <dt>Client ID</dt>
            <dd>
              <code>{config.data.clientId}</code>
            </dd>
            <dt>Authority</dt>
            <dd>
              <code>{config.data.authority}</code>
            </dd>
            <dt>Hosted UI domain</dt>
            <dd>
              <code>{config.data.domain ?? 'from discovery'}</code>
            </dd>
            <dt>Callback URL</dt>
            <dd>
              <code>{config.data.callbackUrl}</code>
            </dd>
            <dt>Self sign-up</dt>
            <dd>{config.data.enableSelfSignup ? 'Enabled' : 'Disabled'}</dd>
            <dt>Principal claims</dt>
            <dd>{config.data.jwtPrincipalClaims.join(', ')}</dd>
          </dl>
        )}
      </section>
    </>
  );
}
