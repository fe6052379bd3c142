import { useAuth } from 'react-cognito-sso';
import { Link } from 'react-router';
import { ADMIN_GROUP } from '../../shared/adminGroup.js';

/** What a signed-in user outside the required group sees (OpenMetadata's `/unauthorised`). */
export function UnauthorisedPage() {
  const { user } = useAuth();
  const groups = user?.groups.length ? user.groups.join(', ') : 'none';
  return (
    <>
      <title>Unauthorised · Data Catalog</title>
      <h1>You are unauthorised to view this page</h1>
      <p className="lead">Settings are for members of the {ADMIN_GROUP} group.</p>
      <p>
        You are signed in as <strong>{user?.username}</strong> (groups: {groups}).
      </p>
      <Link to="/" className="button secondary">
        Back to My Data
      </Link>
    </>
  );
}
