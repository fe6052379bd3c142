import type { CatalogTable } from '../../shared/CatalogTable.js';

/**
 * The tables whose name, fully qualified name, description, owner or tags contain every word of `query`
 * (case-insensitive); an empty query matches all.
 *
 * @example searchTables(CATALOG, 'orders') // orders, order_items, fact_orders_daily
 */
export function searchTables(tables: readonly CatalogTable[], query: string): CatalogTable[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return tables.filter((table) => {
    const text = [table.fullyQualifiedName, table.description, table.owner.name, ...table.tags]
      .join(' ')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
