import { useAuth } from 'react-cognito-sso';
import { Avatar } from '../components/Avatar.js';
import { ClaimsTable } from '../components/ClaimsTable.js';
import { GroupList } from '../components/GroupList.js';
import { TokenCountdown } from '../components/TokenCountdown.js';
import { displayName } from '../displayName.js';

/** The signed-in user: identity, groups, a live token-expiry countdown, and every ID-token claim. */
export function ProfilePage() {
  const { user } = useAuth();
  if (user === null) return null;
  const name = displayName(user);
  return (
    <>
      <title>Profile · Data Catalog</title>
      <div className="profile-header">
        <Avatar name={name} size="large" />
        <div>
          <h1>{name}</h1>
          <p className="muted">{user.email ?? 'No email'}</p>
        </div>
      </div>
      <div className="profile-grid">
        <section className="card" aria-labelledby="identity-heading">
          <h2 id="identity-heading">Identity</h2>
          <dl className="facts">
            <dt>Username</dt>
            <dd>{user.username}</dd>
            <dt>Subject (sub)</dt>
            <dd>
              <code>{user.sub}</code>
            </dd>
          </dl>
          <h3>Groups</h3>
          <GroupList groups={user.groups} />
        </section>
        <section className="card" aria-labelledby="session-heading">
          <h2 id="session-heading">Session</h2>
          <TokenCountdown />
          <p className="muted small">The SDK renews the tokens with the refresh token before they expire.</p>
        </section>
      </div>
      <section className="card" aria-labelledby="claims-heading">
        <h2 id="claims-heading">ID token claims</h2>
        <ClaimsTable claims={user.claims} />
      </section>
    </>
  );
}
