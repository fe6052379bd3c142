import type { CatalogPage, CatalogTable } from '../../shared/CatalogTable.js';
import type { LoggedInUser } from '../../shared/LoggedInUser.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { Spinner } from '../components/Spinner.js';
import { TableList } from '../components/TableList.js';
import { useApi } from '../hooks/useApi.js';

/** "My Data": the logged-in user as the API sees them (`/users/loggedInUser`) and the catalog's data assets. */
export function MyDataPage() {
  const me = useApi<LoggedInUser>('/api/v1/users/loggedInUser');
  const tables = useApi<CatalogPage<CatalogTable>>('/api/v1/tables');
  return (
    <>
      <title>My Data · Data Catalog</title>
      <h1>My Data</h1>
      <section className="card" aria-labelledby="me-heading">
        <h2 id="me-heading">Your account</h2>
        {me.status === 'loading' && <Spinner label="Loading your account…" />}
        {me.status === 'error' && <ErrorPanel message={me.message} />}
        {me.status === 'success' && (
          <>
            <p className="lead">Welcome back, {me.data.displayName}.</p>
            <dl className="facts">
              <dt>Roles</dt>
              <dd>{me.data.roles.map((role) => role.name).join(', ')}</dd>
              <dt>Teams</dt>
              <dd>{me.data.teams.length > 0 ? me.data.teams.map((team) => team.name).join(', ') : 'None'}</dd>
              <dt>Admin</dt>
              <dd>{me.data.isAdmin ? 'Yes' : 'No'}</dd>
            </dl>
          </>
        )}
      </section>
      <section aria-labelledby="assets-heading">
        <h2 id="assets-heading">Data assets</h2>
        {tables.status === 'loading' && <Spinner label="Loading data assets…" />}
        {tables.status === 'error' && <ErrorPanel message={tables.message} />}
        {tables.status === 'success' && <TableList tables={tables.data.data} />}
      </section>
    </>
  );
}
