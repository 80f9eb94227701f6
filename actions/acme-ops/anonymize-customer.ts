/**
 * Anonymize an Acme Ops customer (a data-erasure request): name, e-mail, company and city are
 * replaced; orders stay for the books. Admin only, and marked dangerous: it cannot be undone.
 */
import { z } from "zod";
import { ActionError, defineAction } from "@/server/actions/define-action";
import { ACME_OPS } from "./acme-ops";

export const ANONYMIZED_DOMAIN = "anonymized.invalid";

export const anonymizeCustomer = defineAction({
  name: "anonymize-customer",
  title: "Anonymize customer",
  description: "Erases a customer's name, e-mail, company and city (a data-erasure request). Orders and amounts stay. Admins only.",
  target: { source: ACME_OPS, table: "customers", key: { id: "customerId" } },
  input: z.object({ customerId: z.number().int().positive().describe("Customer id (customers.id)") }),
  output: z.object({ customerId: z.number(), alreadyAnonymized: z.boolean() }),
  minRole: "admin",
  danger: { confirm: "The customers' personal details are erased for good." },
  timeoutMs: 10_000,
  mode: "perRow",
  run: async (input, ctx) => {
    const acme = await ctx.datasource();
    return ctx.idempotent(acme, async (tx) => {
      const customer = (await tx.query("SELECT email FROM customers WHERE id = ?", [input.customerId])).rows[0];
      if (!customer) throw new ActionError(`Customer ${input.customerId} does not exist.`);
      if (String(customer.email).endsWith(`@${ANONYMIZED_DOMAIN}`)) return { customerId: input.customerId, alreadyAnonymized: true };
      await tx.query("UPDATE customers SET name = 'Anonymized customer', email = ?, company = 'Anonymized', city = 'Anonymized' WHERE id = ?", [
        `customer-${input.customerId}@${ANONYMIZED_DOMAIN}`,
        input.customerId,
      ]);
      return { customerId: input.customerId, alreadyAnonymized: false };
    });
  },
});
