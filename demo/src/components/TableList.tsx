import { Link } from 'react-router';
import type { CatalogTable } from '../../shared/CatalogTable.js';
import { QualifiedName } from './QualifiedName.js';

/** Catalog tables as OpenMetadata's entity cards: name (links to the table), FQN, description, owner, tags. */
export function TableList({ tables }: { tables: readonly CatalogTable[] }) {
  return (
    <ul className="entity-list">
      {tables.map((table) => (
        <li key={table.id} className="entity-card">
          <h3>
            <Link to={`/table/${encodeURIComponent(table.fullyQualifiedName)}`}>{table.name}</Link>
          </h3>
          <QualifiedName value={table.fullyQualifiedName} />
          <p>{table.description}</p>
          <p className="entity-meta">
            <span>Owner: {table.owner.name}</span>
            <span>{table.tableType}</span>
            {table.tags.map((tag) => (
              <span key={tag} className="chip">
                {tag}
              </span>
            ))}
          </p>
        </li>
      ))}
    </ul>
  );
}
