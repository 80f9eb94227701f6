// Tests for the Acme Ops demo database generator: determinism, internal consistency and product-required sizes.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACME_OPS_ANCHOR, generateAcmeOps } from "./generate";
import { ensureAcmeOps } from "./index";

const TABLES = [
  "customers", "products", "orders", "order_items", "shipments", "refunds", "support_tickets", "notification_outbox",
] as const;
const ORDER_STATUSES = ["cancelled", "delivered", "paid", "pending", "refunded", "shipped"];
const ANCHOR = new Date(ACME_OPS_ANCHOR).toISOString();
const WINDOW_START = new Date(ACME_OPS_ANCHOR - 730 * 86_400_000).toISOString();
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/;

let dir = "";
let fileA = "";

function open(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

function tableHash(file: string, table: string): string {
  const db = open(file);
  try {
    const hash = crypto.createHash("sha256");
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY id`).iterate()) hash.update(`${JSON.stringify(row)}\n`);
    return hash.digest("hex");
  } finally {
    db.close();
  }
}

function fileHash(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Runs a query expected to return a single number (first column of the first row). */
function scalar(db: Database.Database, sql: string): number {
  const value = db.prepare(sql).pluck().get();
  if (typeof value !== "number") throw new Error(`expected a number from: ${sql}`);
  return value;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "acme-ops-"));
  fileA = path.join(dir, "a.db");
  generateAcmeOps({ file: fileA, seed: 42, scale: 0.02 });
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("generateAcmeOps at scale 0.02", () => {
  it("is deterministic for a given seed, down to the file bytes", () => {
    const fileB = path.join(dir, "b.db");
    generateAcmeOps({ file: fileB, seed: 42, scale: 0.02 });
    for (const table of TABLES) expect(tableHash(fileB, table), table).toBe(tableHash(fileA, table));
    expect(fileHash(fileB)).toBe(fileHash(fileA));
  });

  it("produces different data for a different seed", () => {
    const fileC = path.join(dir, "c.db");
    generateAcmeOps({ file: fileC, seed: 43, scale: 0.02 });
    expect(tableHash(fileC, "orders")).not.toBe(tableHash(fileA, "orders"));
    expect(tableHash(fileC, "customers")).not.toBe(tableHash(fileA, "customers"));
  });

  it("reports counts that match the tables", () => {
    const file = path.join(dir, "counts.db");
    const { counts, ms } = generateAcmeOps({ file, seed: 42, scale: 0.02 });
    expect(ms).toBeGreaterThanOrEqual(0);
    const db = open(file);
    try {
      for (const table of TABLES) expect(counts[table], table).toBe(scalar(db, `SELECT count(*) FROM ${table}`));
      expect(counts.orders).toBe(2000);
      expect(counts.notification_outbox).toBe(0);
      // Written only by actions, with their effects (server/actions/idempotency.ts).
      expect(counts.action_idempotency).toBe(0);
      expect(scalar(db, "SELECT count(*) FROM action_idempotency")).toBe(0);
      expect(db.pragma("user_version", { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });

  it("keeps totals, refunds and foreign keys consistent", () => {
    const db = open(fileA);
    try {
      expect(db.pragma("foreign_key_check")).toEqual([]);
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(scalar(db, `SELECT count(*) FROM orders o WHERE total_cents <>
        (SELECT coalesce(sum(quantity * unit_price_cents), -1) FROM order_items WHERE order_id = o.id)`)).toBe(0);
      expect(scalar(db, "SELECT count(*) FROM orders o WHERE (SELECT count(*) FROM order_items WHERE order_id = o.id) NOT BETWEEN 1 AND 4")).toBe(0);
      expect(scalar(db, `SELECT count(*) FROM (SELECT r.order_id FROM refunds r JOIN orders o ON o.id = r.order_id
        GROUP BY r.order_id HAVING sum(r.amount_cents) > max(o.total_cents) OR min(r.amount_cents) <= 0)`)).toBe(0);
      // Refund rows and "refunded" status go together.
      expect(scalar(db, "SELECT count(*) FROM orders WHERE status = 'refunded' AND id NOT IN (SELECT order_id FROM refunds)")).toBe(0);
      expect(scalar(db, "SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.status <> 'refunded'")).toBe(0);
      expect(scalar(db, "SELECT count(*) FROM refunds WHERE amount_cents < (SELECT total_cents FROM orders WHERE id = order_id)")).toBeGreaterThan(0);
      expect(scalar(db, "SELECT count(*) FROM support_tickets t JOIN orders o ON o.id = t.order_id WHERE t.customer_id <> o.customer_id")).toBe(0);
      expect(scalar(db, "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.created_at >= o.placed_at")).toBe(0);
    } finally {
      db.close();
    }
  });

  it("uses only the allowed enum values", () => {
    const db = open(fileA);
    try {
      const distinct = (sql: string): unknown[] => db.prepare(sql).pluck().all();
      for (const v of distinct("SELECT DISTINCT status FROM orders")) expect(ORDER_STATUSES).toContain(v);
      expect(distinct("SELECT DISTINCT currency FROM orders")).toEqual(["USD"]);
      expect(["DHL", "FedEx", "UPS", "USPS"]).toEqual(expect.arrayContaining(distinct("SELECT DISTINCT carrier FROM shipments")));
      for (const v of distinct("SELECT DISTINCT segment FROM customers")) expect(["smb", "mid_market", "enterprise"]).toContain(v);
      for (const v of distinct("SELECT DISTINCT status FROM support_tickets")) expect(["open", "pending", "escalated", "resolved", "closed"]).toContain(v);
      for (const v of distinct("SELECT DISTINCT priority FROM support_tickets")) expect(["low", "normal", "high", "urgent"]).toContain(v);
    } finally {
      db.close();
    }
  });

  it("ships exactly the orders that left the warehouse, with late ones among them", () => {
    const db = open(fileA);
    try {
      expect(scalar(db, "SELECT count(*) FROM orders WHERE status IN ('shipped', 'delivered') AND id NOT IN (SELECT order_id FROM shipments)")).toBe(0);
      expect(scalar(db, "SELECT count(*) FROM shipments s JOIN orders o ON o.id = s.order_id WHERE o.status NOT IN ('shipped', 'delivered', 'refunded')")).toBe(0);
      expect(scalar(db, "SELECT count(*) FROM shipments s JOIN orders o ON o.id = s.order_id WHERE (o.status = 'delivered') <> (s.delivered_at IS NOT NULL) AND o.status <> 'refunded'")).toBe(0);
      expect(scalar(db, "SELECT count(*) FROM shipments WHERE promised_at <= shipped_at OR delivered_at <= shipped_at")).toBe(0);
      const delivered = scalar(db, "SELECT count(*) FROM shipments WHERE delivered_at IS NOT NULL");
      const deliveredLate = scalar(db, "SELECT count(*) FROM shipments WHERE delivered_at > promised_at");
      expect(deliveredLate / delivered).toBeGreaterThan(0.04);
      expect(deliveredLate / delivered).toBeLessThan(0.14);
    } finally {
      db.close();
    }
  });

  it("dates everything inside the window before the fixed anchor, with a realistic status mix", () => {
    const db = open(fileA);
    try {
      const bounds = db.prepare("SELECT min(placed_at) AS lo, max(placed_at) AS hi FROM orders").get() as { lo: string; hi: string };
      expect(bounds.lo >= WINDOW_START && bounds.hi < ANCHOR).toBe(true);
      expect(scalar(db, "SELECT count(*) FROM orders a JOIN orders b ON b.id = a.id + 1 WHERE b.placed_at < a.placed_at")).toBe(0);
      expect(scalar(db, `SELECT count(*) FROM orders WHERE updated_at < placed_at OR updated_at > '${ANCHOR}'`)).toBe(0);
      expect(scalar(db, `SELECT count(*) FROM support_tickets WHERE updated_at < created_at OR updated_at > '${ANCHOR}'`)).toBe(0);
      const stamps = db.prepare("SELECT placed_at FROM orders UNION ALL SELECT shipped_at FROM shipments UNION ALL SELECT created_at FROM customers").pluck().all();
      for (const s of stamps) expect(s).toMatch(ISO_UTC);

      const share = (where: string, status: string): number =>
        scalar(db, `SELECT avg(status IN (${status})) FROM orders WHERE ${where}`);
      const recent = `placed_at >= '${new Date(ACME_OPS_ANCHOR - 10 * 86_400_000).toISOString()}'`;
      const old = `placed_at < '${new Date(ACME_OPS_ANCHOR - 30 * 86_400_000).toISOString()}'`;
      expect(share(recent, "'pending', 'paid', 'shipped'")).toBeGreaterThan(0.2);
      expect(share(old, "'pending', 'paid', 'shipped'")).toBeLessThan(0.02);
      expect(share(old, "'delivered'")).toBeGreaterThan(0.85);
      expect(share(old, "'cancelled'")).toBeGreaterThan(0.03);
      expect(share(old, "'cancelled'")).toBeLessThan(0.07);
      expect(share(old, "'refunded'")).toBeGreaterThan(0.015);
      expect(share(old, "'refunded'")).toBeLessThan(0.05);
      expect(scalar(db, "SELECT count(*) FROM notification_outbox")).toBe(0);
    } finally {
      db.close();
    }
  });

  it("replaces an existing database atomically and ignores its stale WAL", () => {
    const file = path.join(dir, "replace.db");
    fs.writeFileSync(file, "not a database");
    fs.writeFileSync(`${file}-wal`, "stale wal from the previous database");
    fs.writeFileSync(`${file}.tmp`, "leftover of a crashed run");
    generateAcmeOps({ file, seed: 42, scale: 0.02 });
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(tableHash(file, "orders")).toBe(tableHash(fileA, "orders"));
  });

  it("rejects a nonsensical scale", () => {
    expect(() => generateAcmeOps({ file: path.join(dir, "bad.db"), scale: 0 })).toThrow(/scale/);
  });
});

describe("ensureAcmeOps at full scale", () => {
  // Product requirement: the demo must feel like a real ops database, not a toy.
  it("creates the database once with at least 5,000 customers, 300 products and 100,000 orders", async () => {
    const file = path.join(dir, "full", "acme-ops.db");
    // Anchored on the generator's own day, so the fixed-date checks below hold.
    expect(await ensureAcmeOps(file, { today: ACME_OPS_ANCHOR })).toEqual({ created: true });
    const db = open(file);
    try {
      expect(scalar(db, "SELECT count(*) FROM customers")).toBeGreaterThanOrEqual(5000);
      expect(scalar(db, "SELECT count(*) FROM products")).toBeGreaterThanOrEqual(300);
      expect(scalar(db, "SELECT count(*) FROM orders")).toBeGreaterThanOrEqual(100_000);
      expect(scalar(db, "SELECT count(*) FROM support_tickets")).toBeGreaterThanOrEqual(2500);
      // Too rare to assert on at small scale, but the demo's "what needs attention" views rely on them.
      expect(db.prepare("SELECT DISTINCT status FROM orders ORDER BY 1").pluck().all()).toEqual(ORDER_STATUSES);
      expect(scalar(db, `SELECT count(*) FROM shipments s JOIN orders o ON o.id = s.order_id
        WHERE o.status = 'shipped' AND s.promised_at < '${ANCHOR}'`)).toBeGreaterThanOrEqual(20);
    } finally {
      db.close();
    }
    const before = fs.statSync(file).mtimeMs;
    expect(await ensureAcmeOps(file)).toEqual({ created: false });
    expect(fs.statSync(file).mtimeMs).toBe(before);
  }, 60_000);
});
