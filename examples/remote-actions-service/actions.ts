/**
 * The sample service's actions, on its own PostgreSQL database (tables `invoices`, `invoice_notes`).
 * `add-invoice-note` is a per-row action with a target; every effect happens inside
 * ctx.idempotent, so a retried row never adds a second note.
 */
import { z } from "zod";
import { ActionError, defineAction } from "@rowcraft/actions";

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS invoices (
  id          integer PRIMARY KEY,
  customer    text NOT NULL,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed'))
);
CREATE TABLE IF NOT EXISTS invoice_notes (
  id          bigserial PRIMARY KEY,
  invoice_id  integer NOT NULL REFERENCES invoices (id),
  note        text NOT NULL,
  author      text NOT NULL,
  idempotency_key text NOT NULL,
  -- Where the note was made: "app <id> v<version> <widget>", or "direct".
  origin      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);`;

/** Slows every invocation (tests stop the service mid-run; benchmarks leave it at 0). */
const delayMs = Number(process.env.ACTION_DELAY_MS ?? 0);

export const addInvoiceNote = defineAction({
  name: "add-invoice-note",
  title: "Add invoice note",
  description: "Adds a note to an invoice, signed with the operator's email. Refuses unknown and closed invoices.",
  input: z.object({
    invoiceId: z.number().int().positive().describe("Invoice id (invoices.id)"),
    note: z.string().trim().min(1).max(500).describe("Note"),
  }),
  output: z.object({ invoiceId: z.number(), noteId: z.string() }),
  minRole: "operator",
  precondition: { column: "status", oneOf: ["open"], message: "Notes go on open invoices only." },
  target: { source: "billing", table: "invoices", key: { id: "invoiceId" } },
  timeoutMs: 5_000,
  mode: "perRow",
  run: async ({ invoiceId, note }, ctx) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return ctx.idempotent(async (tx) => {
      const invoice = (await tx.query("SELECT status FROM invoices WHERE id = $1 FOR UPDATE", [invoiceId])).rows[0];
      if (!invoice) throw new ActionError(`Invoice ${invoiceId} does not exist.`);
      if (invoice.status === "closed") throw new ActionError(`Invoice ${invoiceId} is closed; notes go on open invoices only.`);
      const origin = ctx.app ? `app ${ctx.app.id} v${ctx.app.version} ${ctx.app.widget}` : "direct";
      const inserted = await tx.query("INSERT INTO invoice_notes (invoice_id, note, author, idempotency_key, origin) VALUES ($1, $2, $3, $4, $5) RETURNING id", [invoiceId, note, ctx.user.email, ctx.idempotencyKey, origin]);
      return { invoiceId, noteId: String(inserted.rows[0]?.id) };
    });
  },
});

export const closeInvoice = defineAction({
  name: "close-invoice",
  title: "Close invoice",
  description: "Closes an open invoice. Needs builder: closing is normally the billing run's job.",
  input: z.object({ invoiceId: z.number().int().positive().describe("Invoice id (invoices.id)") }),
  minRole: "builder",
  danger: { confirm: "Closed invoices take no more notes or payments." },
  target: { source: "billing", table: "invoices", key: { id: "invoiceId" } },
  timeoutMs: 5_000,
  mode: "perRow",
  run: async ({ invoiceId }, ctx) =>
    ctx.idempotent(async (tx) => {
      const updated = await tx.query("UPDATE invoices SET status = 'closed' WHERE id = $1 AND status = 'open'", [invoiceId]);
      if (updated.rowCount !== 1) throw new ActionError(`Invoice ${invoiceId} is not open.`);
      return { invoiceId };
    }),
});

export const ACTIONS = [addInvoiceNote, closeInvoice];
