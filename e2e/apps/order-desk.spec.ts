/**
 * Operators and viewers use the published demo app "Order desk": the filters live in the URL (a
 * link reproduces the view), an edited note is saved through the guard and is there after a
 * reload, a selected order is refunded after a confirmation naming the count — and a viewer gets
 * a read-only table whose action buttons say why they are off.
 */
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { AppPage } from "../pages/app-page";

const TABLE = "ordersTable";

test("an operator filters by status, the link reproduces the view, and an edited note is saved", async ({ page }) => {
  await signInThroughApi(page.request, "operator");
  const app = new AppPage(page);
  await app.open("order-desk");
  await app.waitForRows(TABLE);

  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("paid");
  await expect(page).toHaveURL(/[?&]status=paid/);
  await expect.poll(async () => new Set(await app.renderedColumn("Status", TABLE))).toEqual(new Set(["paid"]));

  // The URL is the view: opening it in a fresh page shows the same filter and rows.
  const link = page.url();
  const firstId = await (await app.cell(1, "id", TABLE)).innerText();
  const other = new AppPage(await page.context().newPage());
  await other.page.goto(link);
  await other.waitForRows(TABLE);
  await expect(other.page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("paid");
  await expect(await other.cell(1, "id", TABLE)).toHaveText(firstId);
  await other.page.close();

  // Edit the first order's note, save, reload: it is in the database.
  const note = `Call back ${Date.now()}`;
  await app.focusCell(1, "Notes", TABLE);
  await app.typeIntoActiveCell(note);
  await expect(app.unsavedChanges()).toContainText("1 change");
  await app.saveButton().click();
  await expect(page.getByText("Saved: 1 row updated.")).toBeVisible();
  await page.reload();
  await app.waitForRows(TABLE);
  await expect(await app.cell(1, "id", TABLE)).toHaveText(firstId);
  await expect(await app.cell(1, "Notes", TABLE)).toHaveText(note);
});

test("an operator refunds a selected order after a confirmation naming the count", async ({ page }) => {
  await signInThroughApi(page.request, "operator");
  const app = new AppPage(page);
  await app.open("order-desk", "?status=paid");
  await app.waitForRows(TABLE);
  const refund = app.tableActions(TABLE).getByRole("button", { name: /^Refund/ });
  await expect(refund).toBeDisabled();

  const id = await (await app.cell(2, "id", TABLE)).innerText();
  await app.selectRows([2], TABLE);
  await expect(refund).toHaveText("Refund (1)");
  await refund.click();
  const confirm = page.getByRole("alertdialog").or(page.getByRole("dialog"));
  await expect(confirm).toContainText("Money goes back to the customers' payment methods.");
  await confirm.getByRole("button", { name: "Refund (1)" }).click();
  await expect(app.widget(TABLE).getByRole("status").filter({ hasText: "done." })).toContainText(`Refund order for`);
  // The refunded order is no longer "paid": the table re-ran its query without it.
  await expect.poll(() => app.renderedColumn("id", TABLE)).not.toContain(id);
});

test("the 'Refund N selected' button refunds every selected order in one bulk run, and is off with nothing selected", async ({ page }) => {
  await signInThroughApi(page.request, "operator");
  const app = new AppPage(page);
  await app.open("order-desk", "?status=paid");
  await app.waitForRows(TABLE);
  const button = page.getByRole("button", { name: /^Refund \d+ selected$/ });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAttribute("title", `Select rows in ${TABLE} first.`);

  const ids = [await (await app.cell(3, "id", TABLE)).innerText(), await (await app.cell(4, "id", TABLE)).innerText()];
  await app.selectRows([3, 4], TABLE);
  await expect(button).toHaveText("Refund 2 selected");
  await button.click();
  const confirm = page.getByRole("alertdialog").or(page.getByRole("dialog"));
  await expect(confirm).toContainText("Refund 2 orders?");
  await confirm.getByRole("button", { name: "Refund order" }).click();
  // Both rows ran, as one bulk run (not just the first selected row).
  await expect(page.getByRole("status").filter({ hasText: /^Finished: 2 done/ })).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => (await app.renderedColumn("id", TABLE)).filter((id) => ids.includes(id))).toEqual([]);
  // And after a reload (the query runs afresh): neither is paid any more.
  await page.reload();
  await app.waitForRows(TABLE);
  expect((await app.renderedColumn("id", TABLE)).filter((id) => ids.includes(id))).toEqual([]);
});

test("a viewer gets the published app read-only, with the reason on the action buttons", async ({ page }) => {
  await signInThroughApi(page.request, "viewer");
  const app = new AppPage(page);
  await app.open("order-desk");
  await app.waitForRows(TABLE);
  await expect(page.getByText("Read-only: editing cells needs the operator role.")).toBeVisible();
  await expect(await app.cell(1, "Notes", TABLE)).toHaveAttribute("aria-readonly", "true");
  await app.selectRows([1], TABLE);
  const refund = app.tableActions(TABLE).getByRole("button", { name: /^Refund/ });
  await expect(refund).toBeDisabled();
  await expect(refund).toHaveAttribute("title", /operator|role/i);
});
