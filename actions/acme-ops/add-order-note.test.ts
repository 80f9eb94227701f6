// Unit tests of add-order-note, the batch demo action: all selected orders in one transaction, or none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionTestbed, failure, okResult, type ActionTestbed } from "@/server/actions/testing/action-testbed";
import { addOrderNote } from "./add-order-note";

let bed: ActionTestbed;
beforeAll(() => void (bed = createActionTestbed()));
afterAll(() => bed.close());

const notes = (ids: number[]) => ids.map((id) => bed.value("SELECT notes FROM orders WHERE id = ?", [id]));

describe("add-order-note", () => {
  it("is a batch action taking the selection in orderIds", () => {
    expect(addOrderNote.mode).toBe("batch");
    expect(addOrderNote.selectionField).toBe("orderIds");
  });

  it("appends the note to every selected order, after any existing note", async () => {
    const withNote = Number(bed.value("SELECT id FROM orders WHERE notes IS NOT NULL ORDER BY id LIMIT 1"));
    const without = (bed.rows("SELECT id FROM orders WHERE notes IS NULL ORDER BY id LIMIT 2") as { id: number }[]).map((row) => row.id);
    const existing = String(bed.value("SELECT notes FROM orders WHERE id = ?", [withNote]));
    const ids = [withNote, ...without, withNote];
    expect(okResult(await bed.invoke(addOrderNote, { orderIds: ids, note: "Call before delivery" }))).toEqual({ updated: 3 });
    expect(notes([withNote, ...without])).toEqual([`${existing}\nCall before delivery`, "Call before delivery", "Call before delivery"]);
  });

  it("changes nothing when one of the orders does not exist", async () => {
    const ids = (bed.rows("SELECT id FROM orders WHERE notes IS NULL ORDER BY id DESC LIMIT 2") as { id: number }[]).map((row) => row.id);
    expect(failure(await bed.invoke(addOrderNote, { orderIds: [...ids, 55_555_555], note: "x" }))).toEqual({ kind: "domain", error: "Order 55555555 does not exist; no note was added." });
    expect(notes(ids)).toEqual([null, null]);
  });

  it("honours its idempotency key", async () => {
    const id = Number(bed.value("SELECT id FROM orders WHERE notes IS NULL ORDER BY id LIMIT 1 OFFSET 10"));
    okResult(await bed.invoke(addOrderNote, { orderIds: [id], note: "Once" }, { key: "note-1" }));
    const again = await bed.invoke(addOrderNote, { orderIds: [id], note: "Once" }, { key: "note-1" });
    expect(again.outcome).toMatchObject({ status: "ok", replayed: true, result: { updated: 1 } });
    expect(notes([id])).toEqual(["Once"]);
  });
});
