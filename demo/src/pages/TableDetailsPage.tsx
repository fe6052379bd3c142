import { Link, useParams } from 'react-router';
import type { CatalogTable } from '../../shared/CatalogTable.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { QualifiedName } from '../components/QualifiedName.js';
import { Spinner } from '../components/Spinner.js';
import { useApi } from '../hooks/useApi.js';

/** One table (`GET /api/v1/tables/{fqn}`): description, owner, tags and columns. */
export function TableDetailsPage() {
  const { fqn = '' } = useParams();
  const table = useApi<CatalogTable>(`/api/v1/tables/${encodeURIComponent(fqn)}`);
  if (table.status === 'loading') return <Spinner label="Loading table…" />;
  if (table.status === 'error') {
    return (
      <>
        <h1>Table not available</h1>
        <ErrorPanel message={table.message}>
          <Link to="/explore" className="button secondary">
            Back to Explore
          </Link>
        </ErrorPanel>
      </>
    );
  }
  const { data } = table;
  return (
    <>
      <title>{`${data.name} · Data Catalog`}</title>
      <QualifiedName value={data.fullyQualifiedName} />
      <h1>{data.name}</h1>
      <p className="lead">{data.description}</p>
      <dl className="facts">
        <dt>Owner</dt>
        <dd>{data.owner.name}</dd>
        <dt>Type</dt>
        <dd>{data.tableType}</dd>
        <dt>Tags</dt>
        <dd>{data.tags.join(', ')}</dd>
      </dl>
      <table className="data-table">
        <caption>Columns</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {data.columns.map((column) => (
            <tr key={column.name}>
              <th scope="row">
                <code>{column.name}</code>
              </th>
              <td>{column.dataType}</td>
              <td>{column.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
