import type { CatalogTable } from '../../shared/CatalogTable.js';

const table = (
  id: string,
  fullyQualifiedName: string,
  description: string,
  owner: string,
  tags: string[],
  columns: [name: string, dataType: string, description: string][],
  tableType: CatalogTable['tableType'] = 'Regular',
): CatalogTable => ({
  id,
  name: fullyQualifiedName.split('.').at(-1) ?? fullyQualifiedName,
  fullyQualifiedName,
  description,
  tableType,
  owner: { name: owner, type: 'team' },
  tags,
  columns: columns.map(([name, dataType, columnDescription]) => ({
    name,
    dataType,
    description: columnDescription,
  })),
});

/** The demo's fixed catalog: a few tables in OpenMetadata's sample-data style. */
export const CATALOG: readonly CatalogTable[] = [
  table(
    '5f0c7a4e-1b0a-4c43-9f51-0d1f5a0e2a01',
    'sample_data.ecommerce_db.shopify.orders',
    'One row per customer order placed in the web shop, with its status and totals.',
    'Sales',
    ['Tier.Tier1', 'PII.None'],
    [
      ['order_id', 'BIGINT', 'Unique order identifier.'],
      ['customer_id', 'BIGINT', 'The customer who placed the order.'],
      ['status', 'VARCHAR', 'placed, paid, shipped, delivered or cancelled.'],
      ['total_amount', 'DECIMAL', 'Order total including tax, in EUR.'],
      ['placed_at', 'TIMESTAMP', 'When the order was placed.'],
    ],
  ),
  table(
    '5f0c7a4e-1b0a-4c43-9f51-0d1f5a0e2a02',
    'sample_data.ecommerce_db.shopify.order_items',
    'Line items of customer orders: product, quantity and price.',
    'Sales',
    ['Tier.Tier2'],
    [
      ['order_id', 'BIGINT', 'The order this line belongs to.'],
      ['product_id', 'BIGINT', 'The product sold.'],
      ['quantity', 'INT', 'Units sold.'],
      ['unit_price', 'DECIMAL', 'Price per unit, in EUR.'],
    ],
  ),
  table(
    '5f0c7a4e-1b0a-4c43-9f51-0d1f5a0e2a03',
    'sample_data.ecommerce_db.shopify.customers',
    'Registered shop customers and their contact details.',
    'Customer Success',
    ['Tier.Tier1', 'PII.Sensitive'],
    [
      ['customer_id', 'BIGINT', 'Unique customer identifier.'],
      ['email', 'VARCHAR', 'Contact email address.'],
      ['country', 'VARCHAR', 'ISO 3166 country code.'],
      ['created_at', 'TIMESTAMP', 'Registration time.'],
    ],
  ),
  table(
    '5f0c7a4e-1b0a-4c43-9f51-0d1f5a0e2a04',
    'sample_data.analytics_db.marts.fact_orders_daily',
    'Daily order counts and revenue per country, refreshed every night.',
    'Data Platform',
    ['Tier.Tier1'],
    [
      ['day', 'DATE', 'Calendar day (UTC).'],
      ['country', 'VARCHAR', 'ISO 3166 country code.'],
      ['orders', 'BIGINT', 'Orders placed that day.'],
      ['revenue', 'DECIMAL', 'Revenue that day, in EUR.'],
    ],
    'View',
  ),
  table(
    '5f0c7a4e-1b0a-4c43-9f51-0d1f5a0e2a05',
    'sample_data.analytics_db.marts.dim_product',
    'Product dimension: names, categories and list prices.',
    'Data Platform',
    ['Tier.Tier2'],
    [
      ['product_id', 'BIGINT', 'Unique product identifier.'],
      ['name', 'VARCHAR', 'Product name.'],
      ['category', 'VARCHAR', 'Product category.'],
      ['list_price', 'DECIMAL', 'Current list price, in EUR.'],
    ],
  ),
  table(
    '5f0c7a4e-1b0a-4c43-9f51-0d1f5a0e2a06',
    'sample_data.finance_db.billing.invoices',
    'Invoices issued to business customers.',
    'Finance',
    ['Tier.Tier2', 'PII.Sensitive'],
    [
      ['invoice_id', 'BIGINT', 'Unique invoice identifier.'],
      ['customer_id', 'BIGINT', 'The invoiced customer.'],
      ['amount', 'DECIMAL', 'Invoiced amount, in EUR.'],
      ['due_on', 'DATE', 'Payment due date.'],
    ],
  ),
  table(
    '5f0c7a4e-1b0a-4c43-9f51-0d1f5a0e2a07',
    'sample_data.finance_db.billing.payments',
    'Payments received against invoices.',
    'Finance',
    ['Tier.Tier3'],
    [
      ['payment_id', 'BIGINT', 'Unique payment identifier.'],
      ['invoice_id', 'BIGINT', 'The invoice paid.'],
      ['paid_at', 'TIMESTAMP', 'When the payment arrived.'],
    ],
  ),
];
