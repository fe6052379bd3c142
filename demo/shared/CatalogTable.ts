/** A column of a catalog table, in OpenMetadata's shape. */
export interface CatalogColumn {
  name: string;
  dataType: string;
  description: string;
}

/**
 * A table entity of the demo catalog, shaped like OpenMetadata's `Table` (the fields the demo shows).
 *
 * @see https://docs.open-metadata.org/latest/main-concepts/metadata-standard/schemas/entity/data/table
 */
export interface CatalogTable {
  id: string;
  name: string;
  /** `service.database.schema.table` (default key of `GET /api/v1/tables/{fqn}`). */
  fullyQualifiedName: string;
  description: string;
  tableType: 'Regular' | 'View';
  owner: { name: string; type: 'team' | 'user' };
  tags: string[];
  columns: CatalogColumn[];
}

/** OpenMetadata's list envelope: `{ data, paging: { total } }`. */
export interface CatalogPage<T> {
  data: T[];
  paging: { total: number };
}
