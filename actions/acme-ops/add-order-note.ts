/**
 * Append one note to many Acme Ops orders at once — the demo's batch action: the whole selection
 * arrives as `orderIds` in ONE invocation and one transaction, all or nothing.
 */
import { z } from "zod";
import { ActionError, defineAction } from "@/server/actions/define-action";
import { acmeNow, ACME_OPS, orderIdField, toInt } from "./acme-ops";

export const addOrderNote = defineAction({
  name: "add-order-note",
  title: "Add note to orders",
  description: "Appends a note to every selected order in one go (on a new line after any existing note). Changes nothing if one of the orders does not exist.",
  target: { source: ACME_OPS, table: "orders", key: { id: "orderIds" } },
  input: z.object({
    orderIds: z.array(orderIdField).min(1).max(1000).describe("The selected orders"),
    note: z.string().trim().min(1, { message: "Write the note." }).max(500).describe("The note to append"),
  }),
  output: z.object({ updated: z.number() }),
  minRole: "operator",
  timeoutMs: 15_000,
  mode: "batch",
  selectionField: "orderIds",
  run: async (input, ctx) => {
    const ids = [...new Set(input.orderIds)];
    const acme = await ctx.datasource();
    return ctx.idempotent(acme, async (tx) => {
      const marks = ids.map(() => "?").join(", ");
      const found = new Set((await tx.query(`SELECT id FROM orders WHERE id IN (${marks})`, ids)).rows.map((row) => toInt(row.id)));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) {
        throw new ActionError(`${missing.length === 1 ? "Order" : "Orders"} ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? "…" : ""} ${missing.length === 1 ? "does" : "do"} not exist; no note was added.`);
      }
      const updated = await tx.query(
        `UPDATE orders SET notes = CASE WHEN notes IS NULL OR notes = '' THEN ? ELSE notes || char(10) || ? END, updated_at = ? WHERE id IN (${marks})`,
        [input.note, input.note, acmeNow(), ...ids],
      );
      return { updated: updated.affectedRows };
    });
  },
});
