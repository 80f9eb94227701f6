/**
 * Moves every timestamp of a generated Acme Ops database by whole days, so the demo data ends on
 * the day it was created: "the last 30 days" in the demo apps then shows a busy month, whenever
 * Rowcraft is first started. Generation itself stays anchored on ACME_OPS_ANCHOR, so its output
 * (and every test on it) is deterministic.
 */
import Database from "better-sqlite3";

const DAY_MS = 86_400_000;

/** Every timestamp column, by table (ISO 8601 UTC text, like 2026-10-31T09:15:00.000Z). */
export const ACME_OPS_TIMESTAMPS: Readonly<Record<string, readonly string[]>> = {
  customers: ["created_at"],
  orders: ["placed_at", "updated_at"],
  shipments: ["shipped_at", "promised_at", "delivered_at"],
  refunds: ["created_at"],
  support_tickets: ["created_at", "updated_at"],
  notification_outbox: ["created_at"],
};

/** Whole days from `anchor` to the start of the UTC day holding `now`. */
export function daysUntil(anchor: number, now: number): number {
  return Math.floor((now - anchor) / DAY_MS);
}

export function shiftAcmeOpsDates(file: string, days: number): void {
  if (!Number.isInteger(days)) throw new Error("Shift the demo dates by whole days.");
  if (days === 0) return;
  const db = new Database(file);
  try {
    const modifier = `${days >= 0 ? "+" : ""}${days} days`;
    db.transaction(() => {
      for (const [table, columns] of Object.entries(ACME_OPS_TIMESTAMPS)) {
        const sets = columns.map((column) => `${column} = strftime('%Y-%m-%dT%H:%M:%S.000Z', ${column}, @modifier)`).join(", ");
        db.prepare(`UPDATE ${table} SET ${sets}`).run({ modifier });
      }
    })();
  } finally {
    db.close();
  }
}
