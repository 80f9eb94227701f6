// Unit tests of escalate-ticket: status and priority, the refusal of closed tickets, idempotency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionTestbed, failure, okResult, type ActionTestbed } from "@/server/actions/testing/action-testbed";
import { escalateTicket } from "./escalate-ticket";

let bed: ActionTestbed;
beforeAll(() => void (bed = createActionTestbed()));
afterAll(() => bed.close());

const ticketWith = (status: string, offset = 0) => Number(bed.value("SELECT id FROM support_tickets WHERE status = ? ORDER BY id LIMIT 1 OFFSET ?", [status, offset]));
const ticket = (id: number) => bed.rows("SELECT status, priority, updated_at FROM support_tickets WHERE id = ?", [id])[0];

describe("escalate-ticket", () => {
  it("sets the ticket to escalated and urgent, reporting what it was", async () => {
    const id = ticketWith("resolved");
    const before = ticket(id);
    const result = okResult(await bed.invoke(escalateTicket, { ticketId: id }));
    expect(result).toEqual({ ticketId: id, previousStatus: "resolved", previousPriority: before?.priority, status: "escalated", priority: "urgent" });
    expect(ticket(id)).toMatchObject({ status: "escalated", priority: "urgent" });
    expect(String(ticket(id)?.updated_at) > String(before?.updated_at)).toBe(true);
  });

  it("refuses closed tickets and unknown ones, changing nothing", async () => {
    const id = ticketWith("closed");
    const before = ticket(id);
    expect(failure(await bed.invoke(escalateTicket, { ticketId: id }))).toEqual({ kind: "domain", error: `Ticket ${id} is closed; reopen it before escalating it.` });
    expect(ticket(id)).toEqual(before);
    expect(failure(await bed.invoke(escalateTicket, { ticketId: 7_777_777 })).error).toBe("Ticket 7777777 does not exist.");
  });

  it("honours its idempotency key", async () => {
    const id = ticketWith("resolved", 1);
    const first = okResult(await bed.invoke(escalateTicket, { ticketId: id }, { key: "escalate-1" }));
    bed.exec("UPDATE support_tickets SET status = 'pending', priority = 'low' WHERE id = ?", [id]);
    // The replay returns the first result and does not touch the ticket again.
    const again = await bed.invoke(escalateTicket, { ticketId: id }, { key: "escalate-1" });
    expect(okResult(again)).toEqual(first);
    expect(again.outcome).toMatchObject({ replayed: true });
    expect(ticket(id)).toMatchObject({ status: "pending", priority: "low" });
  });
});
