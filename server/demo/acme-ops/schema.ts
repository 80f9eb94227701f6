// DDL of the embedded "Acme Ops" demo database, kept as TS strings so bundlers never need to trace a .sql file.
import { IDEMPOTENCY_TABLE_DDL } from "@/server/actions/idempotency-table";

/**
 * Tables only. Indexes are separate because the generator builds them after the bulk load,
 * which is several times faster than maintaining them row by row.
 * Money is integer cents; timestamps are ISO-8601 UTC text ('2025-03-04T10:22:00.000Z'),
 * which sorts lexically in time order.
 */
export const ACME_OPS_TABLES_SQL = `
CREATE TABLE customers (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  email      TEXT    NOT NULL UNIQUE,
  company    TEXT    NOT NULL,
  country    TEXT    NOT NULL,
  city       TEXT    NOT NULL,
  segment    TEXT    NOT NULL CHECK (segment IN ('smb', 'mid_market', 'enterprise')),
  created_at TEXT    NOT NULL
) STRICT;

CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  sku         TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL,
  category    TEXT    NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents > 0),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  status      TEXT    NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
  currency    TEXT    NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
  placed_at   TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL,
  notes       TEXT
) STRICT;

CREATE TABLE order_items (
  id               INTEGER PRIMARY KEY,
  order_id         INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id       INTEGER NOT NULL REFERENCES products (id),
  quantity         INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0)
) STRICT;

CREATE TABLE shipments (
  id              INTEGER PRIMARY KEY,
  order_id        INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  carrier         TEXT    NOT NULL CHECK (carrier IN ('UPS', 'FedEx', 'DHL', 'USPS')),
  tracking_number TEXT    NOT NULL UNIQUE,
  shipped_at      TEXT    NOT NULL,
  promised_at     TEXT    NOT NULL,
  delivered_at    TEXT
) STRICT;

CREATE TABLE refunds (
  id           INTEGER PRIMARY KEY,
  order_id     INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  reason       TEXT    NOT NULL,
  created_at   TEXT    NOT NULL
) STRICT;

CREATE TABLE support_tickets (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  order_id    INTEGER REFERENCES orders (id) ON DELETE SET NULL,
  subject     TEXT    NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('open', 'pending', 'escalated', 'resolved', 'closed')),
  priority    TEXT    NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
) STRICT;

-- Written by Rowcraft actions (e.g. "notify customer"); empty in a freshly generated database.
CREATE TABLE notification_outbox (
  id         INTEGER PRIMARY KEY,
  kind       TEXT    NOT NULL,
  order_id   INTEGER REFERENCES orders (id) ON DELETE CASCADE,
  payload    TEXT    NOT NULL CHECK (json_valid(payload)),
  created_at TEXT    NOT NULL
) STRICT;

-- Idempotency keys of the Rowcraft actions that changed this database, each written in the same
-- transaction as the change (server/actions/idempotency.ts); empty in a freshly generated database.
${IDEMPOTENCY_TABLE_DDL.sqlite};
`;

export const ACME_OPS_INDEXES_SQL = `
CREATE INDEX orders_customer_id_idx          ON orders (customer_id);
CREATE INDEX orders_placed_at_idx            ON orders (placed_at);
CREATE INDEX orders_status_idx               ON orders (status);
CREATE INDEX order_items_order_id_idx        ON order_items (order_id);
CREATE INDEX order_items_product_id_idx      ON order_items (product_id);
CREATE INDEX shipments_order_id_idx          ON shipments (order_id);
CREATE INDEX refunds_order_id_idx            ON refunds (order_id);
CREATE INDEX support_tickets_customer_id_idx ON support_tickets (customer_id);
CREATE INDEX support_tickets_order_id_idx    ON support_tickets (order_id);
CREATE INDEX support_tickets_status_idx      ON support_tickets (status);
CREATE INDEX notification_outbox_order_id_idx ON notification_outbox (order_id);
`;

/** The full schema, for anyone creating an empty Acme Ops database. */
export const ACME_OPS_SCHEMA_SQL = ACME_OPS_TABLES_SQL + ACME_OPS_INDEXES_SQL;

/** Bumped whenever the schema or the generated data changes shape; stored as PRAGMA user_version. */
export const ACME_OPS_VERSION = 2;
