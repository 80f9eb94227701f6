import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { WorkbenchPage } from "../pages/workbench-page";

test("a builder writes a query with a {{ }} parameter, formats it, runs it and sees results", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.write("select id, status, total_cents from orders where status = {{ status }} and total_cents > {{ minimum }} order by id limit 25");
  await page.getByLabel("{{ status }}").fill("refunded");
  await page.getByLabel("{{ minimum }}").fill("1000");
  await expect(page.getByText("Bound as number.")).toBeVisible();

  await page.getByRole("button", { name: "Format" }).click();
  await expect.poll(() => workbench.text()).toContain("SELECT\n  id,");
  await expect.poll(() => workbench.text()).toContain("status = {{ status }}");

  await workbench.editor.click();
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(workbench.rowCount()).toContainText("25 rows");
  const firstRow = workbench.results.getByRole("row").nth(1);
  // Cell 0 is the row checkbox (results can be selected to run actions on).
  await expect(firstRow.getByRole("gridcell").nth(2)).toHaveText("refunded");
});

test("a DELETE typed into a read query gets a clear error and changes nothing", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.write("select count(*) as n from orders");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(workbench.rowCount()).toContainText("1 rows");
  const before = await workbench.results.getByRole("row").nth(1).getByRole("gridcell").nth(1).innerText();
  expect(Number(before.replace(/,/g, ""))).toBeGreaterThanOrEqual(100_000);

  await workbench.write("delete from orders where id > 0");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(workbench.error()).toContainText("Forbidden statement");
  await expect(workbench.error()).toContainText("DELETE changes data");
  await expect(page.locator(".cm-lintRange-error")).toHaveCount(1);

  await workbench.write("select count(*) as n from orders");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(workbench.results.getByRole("row").nth(1).getByRole("gridcell").nth(1)).toHaveText(before);
});

test("a runaway query can be cancelled and the source keeps working", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.write("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(workbench.error()).toContainText(/cancel/i);
  await workbench.write("select 1 as ok");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(workbench.rowCount()).toContainText("1 rows");
});

test("the draft survives a reload", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.write("select name from customers where country = {{ country }}");
  await page.reload();
  await expect.poll(() => workbench.text()).toContain("where country = {{ country }}");
});

test("operators and viewers cannot open the workbench or run queries", async ({ page }) => {
  await signInThroughApi(page.request, "operator");
  await page.goto("/workbench");
  await expect(page.getByText("You don't have access to this page")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "SQL" })).toHaveCount(0);
  const response = await page.request.post("/api/trpc/queries.run", {
    data: { json: { datasourceId: "x", sql: "select 1", runId: "abcdefgh-1" } },
    headers: { "content-type": "application/json" },
  });
  expect(response.status()).toBe(403);
});

test("a builder selects query results and runs an action on them", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.write("select id, status from support_tickets where status = 'open' order by id limit 2");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(workbench.rowCount()).toContainText("2 rows");
  // Cell 0 is the row checkbox, cell 1 the id.
  const escalated = await Promise.all([1, 2].map((index) => workbench.results.getByRole("row").nth(index).getByRole("gridcell").nth(1).innerText()));
  for (const index of [1, 2]) await workbench.results.getByRole("row").nth(index).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Run action" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("radio", { name: "Escalate ticket" }).check();
  const run = dialog.getByRole("button", { name: "Run on 2 rows" });
  await expect(run).toBeEnabled();
  await run.click();
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "2");
  await expect(page.getByRole("status").filter({ hasText: /^Finished:/ })).toBeVisible();
  // When the run ends the query runs again: escalated tickets are no longer open, so they are gone.
  for (const id of escalated) await expect(workbench.results.getByRole("row").nth(1).getByRole("gridcell").nth(1)).not.toHaveText(id);
  await expect(workbench.results.getByRole("row").nth(2).getByRole("gridcell").nth(1)).not.toHaveText(escalated[1]!);
});
