/**
 * A builder refunds three orders from the table editor: the three biggest delivered orders
 * (the demo data is generated deterministically; each has no refund yet), "Refund order" with
 * the mapping suggestions (orderId ← id, the reason typed at run time), a constant amount one
 * cent above what the smallest of the three was paid — so that row fails by design with the
 * domain error while the two others succeed — then the fix (amount ← total_cents) and Retry
 * failed; the run survives a reload and is listed under /runs; the audit log has every row.
 */
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { ActionRunPage } from "../pages/action-run-page";
import { refundsOf } from "./api";

const cents = (money: string) => Math.round(Number(money.replace(/[$,]/g, "")) * 100);

test("refund three orders: suggestions, type check, confirmation, progress, one domain failure, fixed mapping, retry, audit", async ({ page }) => {
  test.setTimeout(180_000);
  await signInThroughApi(page.request, "builder");
  const editor = new ActionRunPage(page);
  await editor.open("orders");
  await editor.filterOneOf("status", ["delivered"]);
  await editor.sortBy("total_cents", "descending");

  const orders: { id: string; total: string }[] = [];
  for (const n of [1, 2, 3]) orders.push({ id: await (await editor.cell(n, "id")).innerText(), total: await (await editor.cell(n, "total_cents")).innerText() });
  const [first, second, third] = orders;
  if (!first || !second || !third) throw new Error("three orders expected");
  expect(cents(second.total), "the third order must have been paid less than the second").toBeGreaterThan(cents(third.total));
  expect(await refundsOf(page.request, orders.map((order) => Number(order.id)))).toEqual([]);
  await editor.selectRows([1, 2, 3]);

  // Choose the action: the mapping is suggested by name.
  await editor.runActionButton().click();
  const dialog = editor.dialog("Run an action on 3 rows of orders");
  await expect(dialog.getByRole("radio", { name: "Add note to orders" })).toBeEnabled();
  await expect(dialog.getByRole("radio", { name: "Anonymize customer" })).toBeDisabled();
  await dialog.getByRole("radio", { name: "Refund order" }).check();
  const orderId = editor.mapping(dialog, "orderId");
  await expect(orderId.getByLabel("Source")).toHaveValue("column");
  await expect(orderId.getByLabel("Column")).toHaveValue("id");
  await expect(orderId.getByText("Suggested: the field is orders.id")).toBeVisible();
  const amount = editor.mapping(dialog, "amountCents");
  await expect(amount.getByLabel("Source")).toHaveValue("empty");
  await expect(editor.mapping(dialog, "reason").getByLabel("Source")).toHaveValue("runtime");
  const run = dialog.getByRole("button", { name: "Run on 3 rows" });
  await expect(run).toBeDisabled(); // the reason is not typed yet

  // Type check: a text column cannot feed a whole number.
  await amount.getByLabel("Source").selectOption("column");
  await amount.getByLabel("Column").selectOption("currency");
  await expect(amount.getByText("currency is text; amountCents needs a whole number above 0")).toBeVisible();
  await expect(amount.getByLabel("Column")).toHaveAttribute("aria-invalid", "true");
  await editor.runtimeValue(dialog, "reason").fill("Goodwill for a late delivery");
  await expect(run).toBeDisabled();

  // A constant amount: one cent more than the third order was paid.
  await amount.getByLabel("Source").selectOption("constant");
  await amount.getByLabel("Constant").fill(String(cents(third.total) + 1));
  await expect(run).toBeEnabled();
  await run.click();

  const confirm = page.getByRole("dialog", { name: "Refund 3 orders?" });
  await expect(confirm).toContainText("Money goes back to the customers' payment methods.");
  await confirm.getByRole("button", { name: "Refund 3 orders" }).click();
  await expect(dialog).toBeHidden();

  // Progress reaches 3 / 3: two refunds went through, the third failed with the domain error.
  await expect(page).toHaveURL(/[?&]run=/);
  // The outcome, not a green "Finished": one row failed.
  await editor.waitForRunEnd(3, "2 of 3 succeeded");
  await expect(page.getByText("3 / 3", { exact: true })).toBeVisible();
  const failure = `Order ${third.id} was paid ${third.total}; at most ${third.total} can be refunded.`;
  await expect(editor.result(first.id)).toContainText("Done");
  await expect(editor.result(second.id)).toContainText("Done");
  await expect(editor.result(third.id)).toContainText("Failed");
  await expect(editor.result(third.id)).toContainText(failure);
  // … and in the grid's status column (rows keep their places: partial refunds stay delivered).
  await expect(editor.columnHeader("Refund order")).toBeVisible();
  await expect(await editor.cell(1, "Refund order")).toHaveText("Done");
  await expect(await editor.cell(3, "Refund order")).toHaveText(failure);
  expect((await refundsOf(page.request, orders.map((order) => Number(order.id)))).map((refund) => refund.order_id).sort()).toEqual([Number(first.id), Number(second.id)].sort());

  // A reload shows where the run stands.
  await page.reload();
  await editor.waitForRunEnd(3, "2 of 3 succeeded");
  await expect(editor.result(third.id)).toContainText(failure);

  // The fix: refund what the failed order was paid (amount ← total_cents), then retry the failed row.
  await page.getByRole("button", { name: "Change mapping and retry…" }).click();
  const retry = editor.dialog("Retry failed rows: Refund order");
  const retryAmount = editor.mapping(retry, "amountCents");
  await expect(retryAmount.getByLabel("Source")).toHaveValue("constant"); // the last mapping is remembered
  await retryAmount.getByLabel("Source").selectOption("column");
  await retryAmount.getByLabel("Column").selectOption("total_cents");
  await editor.runtimeValue(retry, "reason").fill("Goodwill for a late delivery");
  await retry.getByRole("button", { name: "Retry 1 row" }).click();
  await page.getByRole("dialog", { name: "Refund 1 order?" }).getByRole("button", { name: "Refund 1 order" }).click();
  await expect(retry).toBeHidden();
  await expect(editor.result(third.id)).toContainText("Done", { timeout: 20_000 });
  await editor.waitForRunEnd(3);
  await expect(editor.result(third.id).getByRole("cell").last()).toHaveText("2"); // attempts
  await expect(page.getByRole("button", { name: "Retry failed" })).toHaveCount(0);
  const refunds = await refundsOf(page.request, orders.map((order) => Number(order.id)));
  expect(refunds.find((refund) => refund.order_id === Number(third.id))?.amount_cents).toBe(cents(third.total));
  expect(refunds).toHaveLength(3);

  // The runs list links to the run's progress view.
  await page.goto("/runs");
  const refundRuns = page.getByRole("table", { name: "Action runs" }).getByRole("link", { name: "Refund order" });
  await expect(refundRuns).toHaveCount(1);
  await refundRuns.click();
  await editor.waitForRunEnd(3);
  await expect(editor.result(third.id)).toContainText("Done");

  // The audit log records every row's invocation: three, plus the retried one (an error, then ok).
  await signInThroughApi(page.request, "admin");
  await page.goto("/admin/audit");
  await page.getByLabel("Action starts with").fill("action.");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=action\./);
  const events = page.getByRole("table", { name: "Audit events" });
  const refundEvents = events.getByRole("row").filter({ hasText: "action.run.refund-order" });
  await expect(refundEvents).toHaveCount(4);
  await expect(refundEvents.filter({ hasText: failure })).toHaveCount(1);
  await expect(refundEvents.filter({ has: page.getByRole("cell", { name: "error", exact: true }) })).toHaveCount(1);
  for (const order of orders) await expect(refundEvents.filter({ hasText: `"orderId":${order.id}` }).first()).toBeVisible();

  await page.getByLabel("Action starts with").fill("action_run.");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(events.getByRole("row").filter({ hasText: "action_run.start" })).toHaveCount(1);
  await expect(events.getByRole("row").filter({ hasText: "action_run.retry" })).toContainText('"newInputs":1');
});
