/** Escalate an Acme Ops support ticket: status escalated, priority urgent. Refuses closed tickets. */
import { z } from "zod";
import { ActionError, defineAction } from "@/server/actions/define-action";
import { acmeNow, ACME_OPS } from "./acme-ops";

export const escalateTicket = defineAction({
  name: "escalate-ticket",
  title: "Escalate ticket",
  description: "Sets a support ticket to escalated with urgent priority. Refuses closed tickets (reopen them first).",
  target: { source: ACME_OPS, table: "support_tickets", key: { id: "ticketId" } },
  input: z.object({ ticketId: z.number().int().positive().describe("Ticket id (support_tickets.id)") }),
  output: z.object({ ticketId: z.number(), previousStatus: z.string(), previousPriority: z.string(), status: z.literal("escalated"), priority: z.literal("urgent") }),
  minRole: "operator",
  timeoutMs: 10_000,
  mode: "perRow",
  run: async (input, ctx) => {
    const acme = await ctx.datasource();
    return ctx.idempotent(acme, async (tx) => {
      const ticket = (await tx.query("SELECT status, priority FROM support_tickets WHERE id = ?", [input.ticketId])).rows[0];
      if (!ticket) throw new ActionError(`Ticket ${input.ticketId} does not exist.`);
      if (ticket.status === "closed") throw new ActionError(`Ticket ${input.ticketId} is closed; reopen it before escalating it.`);
      await tx.query("UPDATE support_tickets SET status = 'escalated', priority = 'urgent', updated_at = ? WHERE id = ?", [acmeNow(), input.ticketId]);
      return {
        ticketId: input.ticketId,
        previousStatus: String(ticket.status),
        previousPriority: String(ticket.priority),
        status: "escalated" as const,
        priority: "urgent" as const,
      };
    });
  },
});
