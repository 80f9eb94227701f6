// The two Acme Ops demo apps, written in the app document format the builder saves: the seed
// creates them on first start, and the tests use them as the reference valid documents.
// SQL is SQLite (the embedded demo database); dates are ISO text. Every query is a read that
// passes the guard; changes go through the engineer-owned actions (refund, resend, add note).
import type { AppDocumentInput } from "./schema";

export const DEMO_SOURCE = "Acme Ops";

export const orderDeskApp = {
  id: "demo-order-desk",
  name: "Order desk",
  slug: "order-desk",
  queries: [
    {
      id: "openOrders",
      datasource: DEMO_SOURCE,
      mode: "read",
      trigger: { kind: "onInputChange", debounceMs: 300 },
      sql: [
        // One table in FROM (the customer's name is a subquery), so the guard maps the rows to
        // `orders` and the notes and status cells can be edited in place.
        "SELECT o.id, (SELECT c.name FROM customers c WHERE c.id = o.customer_id) AS customer, o.status, o.total_cents, o.placed_at, o.notes",
        "FROM orders o",
        "WHERE o.status IN ('pending', 'paid', 'shipped')",
        "  AND ({{ status.value }} IS NULL OR o.status = {{ status.value }})",
        "  AND o.placed_at >= {{ placed.start }} AND o.placed_at < date({{ placed.end }}, '+1 day')",
        "  AND ({{ search.value ?? '' }} = '' OR o.customer_id IN (SELECT c.id FROM customers c WHERE c.name LIKE '%' || {{ search.value ?? '' }} || '%'))",
        "ORDER BY o.placed_at DESC LIMIT 500",
      ].join("\n"),
    },
    {
      id: "lateShipments",
      datasource: DEMO_SOURCE,
      mode: "read",
      trigger: { kind: "onLoad" },
      sql: [
        "SELECT o.id, s.carrier, s.tracking_number, s.promised_at, s.shipped_at",
        "FROM shipments s JOIN orders o ON o.id = s.order_id",
        "WHERE s.delivered_at IS NULL AND s.promised_at < {{ now() }}",
        "ORDER BY s.promised_at LIMIT 500",
      ].join("\n"),
    },
  ],
  pages: [
    {
      id: "orders",
      name: "Orders",
      widgets: [
        { id: "heading", type: "text", layout: { x: 0, y: 0, w: 12, h: 1 }, props: { markdown: "## Orders for {{ currentUser.name }}" } },
        {
          id: "status",
          type: "input",
          layout: { x: 0, y: 1, w: 3, h: 1 },
          props: {
            kind: "select",
            label: "Status",
            options: { source: "static", items: [{ value: "pending", label: "Pending" }, { value: "paid", label: "Paid" }, { value: "shipped", label: "Shipped" }] },
          },
        },
        { id: "placed", type: "input", layout: { x: 3, y: 1, w: 4, h: 1 }, props: { kind: "dateRange", label: "Placed", default: { start: "{{ daysAgo(30) }}", end: "{{ now() }}" } } },
        { id: "search", type: "input", layout: { x: 7, y: 1, w: 5, h: 1 }, props: { kind: "text", label: "Customer", placeholder: "Search by name" } },
        {
          id: "ordersTable",
          type: "table",
          layout: { x: 0, y: 2, w: 12, h: 8 },
          props: {
            data: "{{ openOrders.data }}",
            rowKey: "id",
            editable: true,
            columns: [
              { key: "total_cents", label: "Total", format: "money" },
              { key: "placed_at", label: "Placed", format: "datetime" },
              { key: "notes", label: "Notes", editable: true },
              { key: "status", label: "Status", editable: true },
            ],
            actions: [
              { action: "refund-order", label: "Refund", mapping: { orderId: "{{ row.id }}", reason: "Refunded from the order desk" } },
              { action: "resend-shipment-notification", label: "Resend notification", mapping: { orderId: "{{ row.id }}" } },
            ],
          },
        },
        { id: "note", type: "input", layout: { x: 0, y: 10, w: 9, h: 1 }, props: { kind: "text", label: "Note", placeholder: "Note for the selected orders" } },
        {
          id: "saveNoteButton",
          type: "button",
          layout: { x: 9, y: 10, w: 3, h: 1 },
          props: {
            label: "Add note to selected",
            run: { kind: "action", action: "add-order-note", mapping: { orderIds: "{{ pluck(ordersTable.selectedRows, 'id') }}", note: "{{ note.value }}" } },
          },
        },
        { id: "lateTable", type: "table", layout: { x: 0, y: 11, w: 12, h: 6 }, props: { data: "{{ lateShipments.data }}", rowKey: "id" } },
        {
          id: "refundSelected",
          type: "button",
          layout: { x: 0, y: 17, w: 4, h: 1 },
          props: {
            label: "Refund {{ len(ordersTable.selectedRows) }} selected",
            run: { kind: "action", action: "refund-order", mapping: { orderId: "{{ ordersTable.selectedRow.id }}", reason: "Customer request" } },
            confirm: "Refund the selected order?",
          },
        },
      ],
    },
  ],
} satisfies AppDocumentInput;

/**
 * The dashboard's period filter on one column. The end day is included: timestamps are ISO text,
 * so "up to 2026-11-26" means before the start of the next day.
 */
const inRange = (column: string): string => `${column} >= {{ range.start }} AND ${column} < date({{ range.end }}, '+1 day')`;

export const opsDashboardApp = {
  id: "demo-ops-dashboard",
  name: "Ops dashboard",
  slug: "ops-dashboard",
  queries: [
    {
      id: "revenuePerDay",
      datasource: DEMO_SOURCE,
      mode: "read",
      trigger: { kind: "onInputChange", debounceMs: 200 },
      sql: `SELECT substr(placed_at, 1, 10) AS day, SUM(total_cents) / 100.0 AS revenue FROM orders WHERE ${inRange("placed_at")} GROUP BY day ORDER BY day`,
    },
    {
      id: "ordersByStatus",
      datasource: DEMO_SOURCE,
      mode: "read",
      trigger: { kind: "onInputChange", debounceMs: 200 },
      sql: `SELECT status, COUNT(*) AS orders FROM orders WHERE ${inRange("placed_at")} GROUP BY status`,
    },
    {
      id: "refundRate",
      datasource: DEMO_SOURCE,
      mode: "read",
      trigger: { kind: "onInputChange", debounceMs: 200 },
      sql: `SELECT (SELECT COUNT(*) FROM refunds WHERE ${inRange("created_at")}) * 1.0 / MAX(1, COUNT(*)) AS rate FROM orders WHERE ${inRange("placed_at")}`,
    },
    {
      // The same rate over the period just before the chosen one (as long), for the tile's comparison.
      id: "refundRatePrevious",
      datasource: DEMO_SOURCE,
      mode: "read",
      trigger: { kind: "onInputChange", debounceMs: 200 },
      sql: [
        "WITH period AS (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 2 * julianday({{ range.start }}) - julianday(date({{ range.end }}, '+1 day'))) AS start, {{ range.start }} AS stop)",
        "SELECT (SELECT COUNT(*) FROM refunds, period WHERE created_at >= period.start AND created_at < period.stop) * 1.0",
        "  / MAX(1, (SELECT COUNT(*) FROM orders, period WHERE placed_at >= period.start AND placed_at < period.stop)) AS rate",
      ].join("\n"),
    },
    { id: "openTickets", datasource: DEMO_SOURCE, mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT COUNT(*) AS open FROM support_tickets WHERE status IN ('open', 'escalated')" },
    {
      id: "topCustomers",
      datasource: DEMO_SOURCE,
      mode: "read",
      trigger: { kind: "onInputChange", debounceMs: 200 },
      sql: `SELECT c.name, c.company, SUM(o.total_cents) AS spent_cents FROM orders o JOIN customers c ON c.id = o.customer_id WHERE ${inRange("o.placed_at")} GROUP BY c.id ORDER BY spent_cents DESC LIMIT 10`,
    },
  ],
  pages: [
    {
      id: "overview",
      name: "Overview",
      widgets: [
        { id: "range", type: "input", layout: { x: 0, y: 0, w: 4, h: 1 }, props: { kind: "dateRange", label: "Period", default: { start: "{{ daysAgo(30) }}", end: "{{ now() }}" } } },
        { id: "refundRateTile", type: "stat", layout: { x: 0, y: 1, w: 6, h: 2 }, props: { label: "Refund rate", value: "{{ round(refundRate.data[0].rate * 100, 1) }}", comparison: "{{ round(refundRatePrevious.data[0].rate * 100, 1) }}", format: "percent", trend: "down-is-good" } },
        { id: "openTicketsTile", type: "stat", layout: { x: 6, y: 1, w: 6, h: 2 }, props: { label: "Open tickets", value: "{{ openTickets.data[0].open }}", format: "number", trend: "down-is-good" } },
        { id: "revenueChart", type: "chart", layout: { x: 0, y: 3, w: 8, h: 5 }, props: { kind: "line", title: "Revenue per day", data: "{{ revenuePerDay.data }}", x: "day", y: ["revenue"] } },
        { id: "statusChart", type: "chart", layout: { x: 8, y: 3, w: 4, h: 5 }, props: { kind: "bar", title: "Orders by status", data: "{{ ordersByStatus.data }}", x: "status", y: ["orders"] } },
        { id: "topCustomersTable", type: "table", layout: { x: 0, y: 8, w: 12, h: 6 }, props: { data: "{{ topCustomers.data }}", columns: [{ key: "spent_cents", label: "Spent", format: "money" }] } },
      ],
    },
  ],
} satisfies AppDocumentInput;

/** What the demo actions act on, as `actions.list` describes them where "Acme Ops" is connected. */
const onOrders = (field: string) => ({ source: "acme-ops", datasource: DEMO_SOURCE, unresolved: null, table: "orders", key: { id: field } });

/** JSON Schemas and targets of the demo actions the apps use (as `actions.list` serves them), for tests. */
export const DEMO_ACTION_SCHEMAS = {
  "refund-order": {
    inputSchema: { type: "object", properties: { orderId: { type: "integer" }, amountCents: { type: "integer" }, reason: { type: "string" } }, required: ["orderId", "reason"] },
    target: onOrders("orderId"),
  },
  "resend-shipment-notification": { inputSchema: { type: "object", properties: { orderId: { type: "integer" } }, required: ["orderId"] }, target: onOrders("orderId") },
  "add-order-note": {
    inputSchema: { type: "object", properties: { orderIds: { type: "array", items: { type: "integer" } }, note: { type: "string" } }, required: ["orderIds", "note"] },
    mode: "batch" as const,
    target: onOrders("orderIds"),
  },
  "set-order-status": { inputSchema: { type: "object", properties: { orderId: { type: "integer" }, status: { type: "string" } }, required: ["orderId", "status"] }, target: onOrders("orderId") },
};
