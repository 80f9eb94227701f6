// Unit tests of anonymize-customer: what is erased and kept, refusals, idempotency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionTestbed, failure, okResult, type ActionTestbed } from "@/server/actions/testing/action-testbed";
import { anonymizeCustomer, ANONYMIZED_DOMAIN } from "./anonymize-customer";

let bed: ActionTestbed;
beforeAll(() => void (bed = createActionTestbed()));
afterAll(() => bed.close());

describe("anonymize-customer", () => {
  it("is admin-only and asks for confirmation", () => {
    expect(anonymizeCustomer.minRole).toBe("admin");
    expect(anonymizeCustomer.danger?.confirm).toMatch(/erased/);
  });

  it("erases personal details and keeps the orders", async () => {
    const id = Number(bed.value("SELECT customer_id FROM orders GROUP BY customer_id ORDER BY customer_id LIMIT 1"));
    const orders = bed.value("SELECT count(*) FROM orders WHERE customer_id = ?", [id]);
    expect(okResult(await bed.invoke(anonymizeCustomer, { customerId: id }, { role: "admin" }))).toEqual({ customerId: id, alreadyAnonymized: false });
    expect(bed.rows("SELECT name, email, company, city, country FROM customers WHERE id = ?", [id])[0]).toMatchObject({
      name: "Anonymized customer",
      email: `customer-${id}@${ANONYMIZED_DOMAIN}`,
      company: "Anonymized",
      city: "Anonymized",
    });
    expect(bed.value("SELECT count(*) FROM orders WHERE customer_id = ?", [id])).toBe(orders);
    // A second request (another key) finds nothing left to erase.
    expect(okResult(await bed.invoke(anonymizeCustomer, { customerId: id }, { role: "admin" }))).toEqual({ customerId: id, alreadyAnonymized: true });
  });

  it("refuses unknown customers", async () => {
    expect(failure(await bed.invoke(anonymizeCustomer, { customerId: 6_666_666 }, { role: "admin" }))).toEqual({ kind: "domain", error: "Customer 6666666 does not exist." });
  });

  it("honours its idempotency key", async () => {
    const first = okResult(await bed.invoke(anonymizeCustomer, { customerId: 3 }, { role: "admin", key: "anon-3" }));
    const again = await bed.invoke(anonymizeCustomer, { customerId: 3 }, { role: "admin", key: "anon-3" });
    expect(okResult(again)).toEqual(first);
    expect(first).toEqual({ customerId: 3, alreadyAnonymized: false });
    expect(again.outcome).toMatchObject({ replayed: true });
  });
});
