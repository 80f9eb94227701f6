// Deterministic generator of the embedded "Acme Ops" demo SQLite database (customers, orders, shipments, tickets...).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ACME_OPS_INDEXES_SQL, ACME_OPS_TABLES_SQL, ACME_OPS_VERSION } from "./schema";
import { at, CumulativeSampler, Rand, upperBound, type WeightTable } from "./random";
import * as W from "./words";

export interface GenerateAcmeOpsOptions {
  file: string;
  seed?: number;
  /** Multiplies row counts; 1 gives the product-sized demo, tests use ~0.02. */
  scale?: number;
}

export interface GenerateAcmeOpsResult {
  counts: Record<string, number>;
  ms: number;
}

/** Everything is dated relative to this instant, never the clock, so a seed always yields the same bytes. */
export const ACME_OPS_ANCHOR = Date.UTC(2026, 10, 1);
export const ACME_OPS_DEFAULT_SEED = 20261101;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WINDOW_DAYS = 730;
const WINDOW_START = ACME_OPS_ANCHOR - WINDOW_DAYS * DAY;
const A = ACME_OPS_ANCHOR;
const BASE = { customers: 5000, products: 320, orders: 100_000, tickets: 3000 };

type Segment = "smb" | "mid_market" | "enterprise";
type Carrier = "UPS" | "FedEx" | "DHL" | "USPS";

// Whole seconds: sub-second precision in demo timestamps is noise to whoever reads them.
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString();
const slug = (s: string): string =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");

// The business grows ~80% over the window, weekends are quiet and Nov/Dec is busy; customers are US-heavy,
// so the UTC hour curve peaks in the American afternoon.
const DAY_SAMPLER = new CumulativeSampler(
  Array.from({ length: WINDOW_DAYS }, (_, d) => {
    const date = new Date(WINDOW_START + d * DAY);
    const weekday = date.getUTCDay();
    const month = date.getUTCMonth();
    return (1 + (0.8 * d) / WINDOW_DAYS) * (weekday === 0 || weekday === 6 ? 0.55 : 1) * (month >= 10 ? 1.3 : 1);
  }),
);
const HOUR_SAMPLER = new CumulativeSampler([
  3, 2, 2, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 8, 10, 11, 11, 11, 10, 9, 8, 7, 5, 4,
]);

function sampleWindowTime(rand: Rand): number {
  return (
    WINDOW_START + DAY_SAMPLER.sample(rand) * DAY + HOUR_SAMPLER.sample(rand) * HOUR + rand.int(0, 3599) * 1000
  );
}

const TLD: Readonly<Record<string, string>> = { GB: "co.uk", DE: "de", FR: "fr", NL: "nl", AU: "com.au", CA: "ca", JP: "jp" };
const CITY_WEIGHTS = W.CITIES.map((c) => [c, c[2]] as const);
const SEGMENTS: WeightTable<Segment> = [["smb", 68], ["mid_market", 24], ["enterprise", 8]];
// Bigger accounts order more often, so they are accepted more often when picking a buyer.
const ORDER_AFFINITY: Readonly<Record<Segment, number>> = { smb: 0.45, mid_market: 0.8, enterprise: 1 };
const QUANTITIES: Readonly<Record<Segment, WeightTable<number>>> = {
  smb: [[1, 70], [2, 18], [3, 7], [5, 3], [10, 2]],
  mid_market: [[1, 50], [2, 25], [3, 10], [5, 8], [10, 5], [20, 2]],
  enterprise: [[1, 30], [2, 20], [5, 20], [10, 15], [25, 10], [50, 5]],
};
const LOST_REASON = "Lost in transit";
const CARRIERS: WeightTable<Carrier> = [["UPS", 35], ["FedEx", 30], ["USPS", 25], ["DHL", 10]];
const PROMISED_DAYS: Readonly<Record<Carrier, readonly [number, number]>> = {
  UPS: [2, 5], FedEx: [1, 4], USPS: [3, 6], DHL: [3, 7],
};

interface Customers {
  createdAt: Float64Array;
  segment: Segment[];
  country: string[];
}

function generateCustomers(db: Database.Database, rand: Rand, count: number): Customers {
  // A third signed up before the order window, so even the first orders have buyers.
  const pre = Math.max(1, Math.ceil(count * 0.3));
  const createdAt = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    createdAt[i] = i < pre ? WINDOW_START - rand.int(1, 2 * 365 * 24 * 60) * MIN : sampleWindowTime(rand);
  }
  createdAt.sort(); // ids follow signup order, as they would in a real system
  const insert = db.prepare("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const emails = new Set<string>();
  const segment: Segment[] = [];
  const country: string[] = [];
  for (let i = 0; i < count; i++) {
    const first = rand.pick(W.FIRST_NAMES);
    const last = rand.pick(W.LAST_NAMES);
    const seg = rand.weighted(SEGMENTS);
    const [city, cc] = rand.weighted(CITY_WEIGHTS);
    const prefix = rand.pick(W.COMPANY_PREFIXES);
    const kind = rand.pick(W.COMPANY_KINDS);
    const suffix = rand.pick(W.COMPANY_SUFFIXES);
    const company = suffix ? `${prefix} ${kind} ${suffix}` : `${prefix} ${kind}`;
    const domain = seg === "smb" && rand.chance(0.45)
      ? rand.pick(W.FREE_EMAIL_DOMAINS)
      : `${slug(prefix + kind)}.${TLD[cc] ?? "com"}`;
    const f = slug(first);
    const l = slug(last);
    const local = rand.weighted<string>([[`${f}.${l}`, 5], [`${f.charAt(0)}${l}`, 3], [`${f}_${l}`, 1], [f, 1]]);
    let email = `${local}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${domain}`;
    emails.add(email);
    insert.run(i + 1, `${first} ${last}`, email, company, cc, city, seg, iso(createdAt[i] ?? WINDOW_START));
    segment.push(seg);
    country.push(cc);
  }
  return { createdAt, segment, country };
}

interface Products {
  price: number[];
  popularity: CumulativeSampler;
  /** Orders placed at or after this instant can no longer contain the product (Infinity = still sold). */
  discontinuedAt: number[];
}

function generateProducts(db: Database.Database, rand: Rand, count: number): Products {
  const insert = db.prepare("INSERT INTO products VALUES (?, ?, ?, ?, ?, ?)");
  const names = new Set<string>();
  const price: number[] = [];
  const weights: number[] = [];
  const discontinuedAt: number[] = [];
  for (let i = 0; i < count; i++) {
    const category = at(W.PRODUCT_CATEGORIES, i % W.PRODUCT_CATEGORIES.length);
    let name = "";
    for (let tries = 0; tries < 40 && (name === "" || names.has(name)); tries++) {
      name = `${rand.pick(W.PRODUCT_ADJECTIVES)} ${rand.pick(category.nouns)}`;
    }
    for (let n = 2; names.has(name); n++) name = `${name.replace(/ Gen \d+$/, "")} Gen ${n}`;
    names.add(name);
    // Log-uniform prices: most items cheap, a few expensive, like a real catalogue.
    const dollars = Math.floor(category.minDollars * Math.pow(category.maxDollars / category.minDollars, rand.float()));
    const cents = dollars * 100 + (rand.chance(0.8) ? 99 : 0);
    const active = rand.chance(0.92);
    insert.run(i + 1, `${category.code}-${String(i + 1).padStart(5, "0")}`, name, category.name, cents, active ? 1 : 0);
    price.push(cents);
    weights.push(Math.pow(0.05 + rand.float(), 2)); // a handful of best sellers, a long tail
    discontinuedAt.push(active ? Infinity : WINDOW_START + rand.int(30, WINDOW_DAYS - 30) * DAY);
  }
  return { price, popularity: new CumulativeSampler(weights), discontinuedAt };
}

function trackingNumber(rand: Rand, carrier: Carrier): string {
  const digits = (n: number): string => Array.from({ length: n }, () => String(rand.int(0, 9))).join("");
  const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  switch (carrier) {
    case "UPS": return `1Z${Array.from({ length: 16 }, () => alnum.charAt(rand.int(0, 35))).join("")}`;
    case "FedEx": return digits(12);
    case "USPS": return `9400${digits(18)}`;
    case "DHL": return digits(10);
  }
}

/** An order a support ticket can be about, with the span of time in which such a ticket makes sense. */
interface TicketCandidate { orderId: number; customer: number; from: number; to: number }
type TicketKind = "late" | "damaged" | "refund" | "open";
type TicketPools = Record<TicketKind, TicketCandidate[]>;

interface OrdersResult { counts: Record<string, number>; pools: TicketPools }

function generateOrders(db: Database.Database, rand: Rand, count: number, customers: Customers, products: Products): OrdersResult {
  const insOrder = db.prepare("INSERT INTO orders VALUES (?, ?, ?, ?, 'USD', ?, ?, ?)");
  const insItem = db.prepare("INSERT INTO order_items VALUES (?, ?, ?, ?, ?)");
  const insShip = db.prepare("INSERT INTO shipments VALUES (?, ?, ?, ?, ?, ?, ?)");
  const placed = new Float64Array(count);
  for (let i = 0; i < count; i++) placed[i] = sampleWindowTime(rand);
  placed.sort();

  const pools: TicketPools = { late: [], damaged: [], refund: [], open: [] };
  const refunds: { orderId: number; amount: number; reason: string; createdAt: number }[] = [];
  const tracking = new Set<string>();
  const chosen = new Set<number>();
  let itemId = 0;
  let shipmentId = 0;
  const candidate = (kind: TicketKind, orderId: number, customer: number, from: number, span: number): void => {
    const to = Math.min(from + span, A - MIN);
    if (to > from) pools[kind].push({ orderId, customer, from, to });
  };

  for (let i = 0; i < count; i++) {
    const orderId = i + 1;
    const placedAt = placed[i] ?? WINDOW_START;

    const known = Math.max(1, upperBound(customers.createdAt, placedAt - 1));
    let customer = rand.int(0, known - 1);
    for (let tries = 0; tries < 8 && !rand.chance(ORDER_AFFINITY[at(customers.segment, customer)]); tries++) {
      customer = rand.int(0, known - 1);
    }
    const segment = at(customers.segment, customer);

    // Items: distinct products that were still on sale when the order was placed.
    let lines = rand.weighted<number>([[1, 50], [2, 28], [3, 14], [4, 8]]);
    if (segment === "enterprise" && lines < 4 && rand.chance(0.3)) lines++;
    lines = Math.min(lines, products.price.length);
    chosen.clear();
    for (let tries = 0; chosen.size < lines && tries < 50; tries++) {
      const p = products.popularity.sample(rand);
      if (placedAt < at(products.discontinuedAt, p)) chosen.add(p);
    }
    if (chosen.size === 0) chosen.add(Math.max(0, products.discontinuedAt.indexOf(Infinity))); // vanishingly rare
    // Prices drifted up ~6% over two years; some lines carry a negotiated discount.
    const drift = 1 - (0.06 * (A - placedAt)) / (WINDOW_DAYS * DAY);
    const items: [number, number, number][] = [];
    let total = 0;
    for (const p of chosen) {
      const quantity = rand.weighted(QUANTITIES[segment]);
      const discount = rand.chance(0.12) ? rand.int(5, 25) / 100 : 0;
      const unit = Math.max(1, Math.round(at(products.price, p) * drift * (1 - discount)));
      items.push([p + 1, quantity, unit]);
      total += quantity * unit;
    }

    // Lifecycle: the status is whatever the latest event before the anchor is, so recent orders are
    // naturally pending/paid/shipped while old ones are delivered, cancelled or refunded.
    const invoiced = rand.chance(segment === "enterprise" ? 0.5 : segment === "mid_market" ? 0.25 : 0.08);
    const paidAt = placedAt + (invoiced ? rand.between(6 * HOUR, 14 * DAY) : rand.between(MIN, 30 * MIN));
    const shipAt = paidAt + rand.between(3 * HOUR, 36 * HOUR) + (rand.chance(0.25) ? rand.between(0, 2 * DAY) : 0);
    const cancelled = rand.chance(0.05);
    const refundBeforeShip = !cancelled && rand.chance(0.003);
    const cancelAt = placedAt + Math.round(rand.float() * (shipAt - placedAt));
    const earlyRefundAt = paidAt + Math.round(rand.float() * (shipAt - paidAt));
    const carrier = rand.weighted(CARRIERS);
    const [minDays, maxDays] = PROMISED_DAYS[carrier];
    const promisedAt = Math.floor(shipAt / DAY) * DAY + rand.int(minDays, maxDays) * DAY + 23 * HOUR; // end of day
    const lost = rand.chance(0.006);
    const late = rand.chance(0.085);
    const deliveredAt = late
      ? promisedAt + rand.between(2 * HOUR, 6 * DAY)
      : shipAt + 10 * HOUR + Math.round(Math.pow(rand.float(), 1.5) * (promisedAt - shipAt - 11 * HOUR));
    // Lost parcels are written off (fully refunded) a few weeks past the promise, so only recent ones stay "shipped".
    const refundAfterShip = lost || rand.chance(0.025);
    const refundAt = lost ? promisedAt + rand.between(10 * DAY, 30 * DAY) : deliveredAt + rand.between(HOUR, 30 * DAY);

    let status: string;
    let updatedAt: number;
    let shipped = false;
    let delivered = false;
    if (cancelled && cancelAt <= A) [status, updatedAt] = ["cancelled", cancelAt];
    else if (refundBeforeShip && earlyRefundAt <= A) [status, updatedAt] = ["refunded", earlyRefundAt];
    else if (paidAt > A) [status, updatedAt] = ["pending", placedAt];
    else if (shipAt > A || cancelled || refundBeforeShip) [status, updatedAt] = ["paid", paidAt];
    else {
      shipped = true;
      delivered = !lost && deliveredAt <= A;
      if (refundAfterShip && refundAt <= A) [status, updatedAt] = ["refunded", refundAt];
      else if (!delivered) [status, updatedAt] = ["shipped", shipAt];
      else [status, updatedAt] = ["delivered", deliveredAt];
    }
    const note = rand.chance(0.08) ? rand.pick(W.ORDER_NOTES) : null;
    insOrder.run(orderId, customer + 1, status, total, iso(placedAt), iso(updatedAt), note);
    for (const [productId, quantity, unit] of items) insItem.run(++itemId, orderId, productId, quantity, unit);

    if (shipped) {
      let tn = trackingNumber(rand, carrier);
      while (tracking.has(tn)) tn = trackingNumber(rand, carrier);
      tracking.add(tn);
      insShip.run(++shipmentId, orderId, carrier, tn, iso(shipAt), iso(promisedAt), delivered ? iso(deliveredAt) : null);
      if (!delivered || deliveredAt > promisedAt) candidate("late", orderId, customer, promisedAt, 5 * DAY);
      if (delivered) candidate("damaged", orderId, customer, deliveredAt, 7 * DAY);
    }
    // Questions about an order that hasn't shipped yet ("cancel it", "change the address") predate shipping.
    const openUntil = cancelled ? cancelAt : refundBeforeShip ? earlyRefundAt : shipAt;
    candidate("open", orderId, customer, placedAt, openUntil - placedAt);
    if (status === "refunded") {
      const writtenOff = shipped && !delivered;
      const full = !shipped || writtenOff || rand.chance(0.55);
      const amount = full ? total : Math.min(total, Math.max(1, Math.round(total * (0.1 + 0.6 * rand.float()))));
      refunds.push({ orderId, amount, reason: writtenOff ? LOST_REASON : rand.pick(W.REFUND_REASONS), createdAt: updatedAt });
      candidate("refund", orderId, customer, updatedAt, 10 * DAY);
    }
  }

  // Refund ids follow creation time, like an append-only ledger would.
  refunds.sort((a, b) => a.createdAt - b.createdAt || a.orderId - b.orderId);
  const insRefund = db.prepare("INSERT INTO refunds VALUES (?, ?, ?, ?, ?)");
  refunds.forEach((r, i) => insRefund.run(i + 1, r.orderId, r.amount, r.reason, iso(r.createdAt)));
  return { counts: { orders: count, order_items: itemId, shipments: shipmentId, refunds: refunds.length }, pools };
}

const TICKET_KINDS: WeightTable<TicketKind | "general"> = [["late", 30], ["damaged", 20], ["refund", 10], ["open", 10], ["general", 30]];
const PRIORITIES: Readonly<Record<TicketKind | "general", WeightTable<string>>> = {
  late: [["normal", 45], ["high", 40], ["urgent", 15]],
  damaged: [["normal", 55], ["high", 35], ["urgent", 10]],
  refund: [["low", 15], ["normal", 65], ["high", 20]],
  open: [["low", 10], ["normal", 60], ["high", 25], ["urgent", 5]],
  general: [["low", 45], ["normal", 50], ["high", 5]],
};
const BUMP: Readonly<Record<string, string>> = { low: "normal", normal: "high", high: "urgent", urgent: "urgent" };

function generateTickets(db: Database.Database, rand: Rand, count: number, customers: Customers, pools: TicketPools): number {
  const tickets: { customer: number; orderId: number | null; subject: string; createdAt: number; kind: TicketKind | "general" }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rand.weighted(TICKET_KINDS);
    const pool = kind === "general" ? [] : pools[kind];
    if (kind !== "general" && pool.length > 0) {
      const c = rand.pick(pool);
      const subject = rand.pick(W.TICKET_SUBJECTS[kind]).replace("{order}", `#${c.orderId}`);
      tickets.push({ customer: c.customer, orderId: c.orderId, subject, createdAt: rand.between(c.from, c.to), kind });
    } else {
      const createdAt = sampleWindowTime(rand);
      const known = Math.max(1, upperBound(customers.createdAt, createdAt - 1));
      tickets.push({ customer: rand.int(0, known - 1), orderId: null, subject: rand.pick(W.TICKET_SUBJECTS.general), createdAt, kind: "general" });
    }
  }
  tickets.sort((a, b) => a.createdAt - b.createdAt || a.customer - b.customer);

  const insert = db.prepare("INSERT INTO support_tickets VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  tickets.forEach((t, i) => {
    const age = A - t.createdAt;
    // Fresh tickets are still being worked on; old ones are mostly closed, with a small stale backlog.
    const status = rand.weighted<string>(
      age < 2 * DAY ? [["open", 50], ["pending", 30], ["escalated", 10], ["resolved", 10]]
        : age < 14 * DAY ? [["open", 15], ["pending", 25], ["escalated", 10], ["resolved", 35], ["closed", 15]]
          : [["open", 1.5], ["pending", 1], ["escalated", 0.5], ["resolved", 25], ["closed", 72]],
    );
    const maxWork = status === "open" ? 2 * HOUR : status === "resolved" || status === "closed" ? 10 * DAY : 3 * DAY;
    const updatedAt = t.createdAt + rand.between(0, Math.min(maxWork, A - t.createdAt));
    let priority = rand.weighted(PRIORITIES[t.kind]);
    if (at(customers.segment, t.customer) === "enterprise" && rand.chance(0.4)) priority = BUMP[priority] ?? priority;
    insert.run(i + 1, t.customer + 1, t.orderId, t.subject, status, priority, iso(t.createdAt), iso(updatedAt));
  });
  return tickets.length;
}

function removeIfExists(file: string): void {
  fs.rmSync(file, { force: true });
}

/** Builds the database at `options.file` (replacing it) from scratch; same seed and scale give identical bytes. */
export function generateAcmeOps(options: GenerateAcmeOpsOptions): GenerateAcmeOpsResult {
  const started = performance.now();
  const seed = (options.seed ?? ACME_OPS_DEFAULT_SEED) >>> 0;
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`acme-ops: scale must be a positive number, got ${scale}`);
  const scaled = (n: number, min: number): number => Math.max(min, Math.round(n * scale));

  const file = path.resolve(options.file);
  const tmp = `${file}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) removeIfExists(f); // leftovers of a crashed run

  const db = new Database(tmp);
  let counts: Record<string, number>;
  try {
    // No journal, no fsync: a crash just leaves a .tmp file that the next run deletes.
    db.pragma("journal_mode = OFF");
    db.pragma("synchronous = OFF");
    db.pragma("cache_size = -65536");
    db.exec(ACME_OPS_TABLES_SQL);
    counts = db.transaction(() => {
      const customers = generateCustomers(db, new Rand(seed, 1), scaled(BASE.customers, 10));
      const products = generateProducts(db, new Rand(seed, 2), scaled(BASE.products, 12));
      const orders = generateOrders(db, new Rand(seed, 3), scaled(BASE.orders, 1), customers, products);
      const tickets = generateTickets(db, new Rand(seed, 4), scaled(BASE.tickets, 1), customers, orders.pools);
      return {
        customers: customers.segment.length,
        products: products.price.length,
        ...orders.counts,
        support_tickets: tickets,
        notification_outbox: 0,
        action_idempotency: 0,
      };
    })();
    db.exec(ACME_OPS_INDEXES_SQL);
    db.exec("ANALYZE"); // demo queries get sensible plans from the first run
    db.pragma(`user_version = ${ACME_OPS_VERSION}`);
    db.pragma("journal_mode = WAL");
    db.close();
  } catch (err) {
    if (db.open) db.close();
    removeIfExists(tmp);
    throw err;
  }

  // A WAL or journal left by the previous database would be replayed onto the new file: drop them first.
  for (const f of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) removeIfExists(f);
  fs.renameSync(tmp, file);
  return { counts, ms: Math.round(performance.now() - started) };
}
