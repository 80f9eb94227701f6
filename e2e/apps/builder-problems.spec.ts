/**
 * Problems are found in the builder, not by operators (issue 12), as builders' stories:
 * - a chart's field typo is listed in Problems with a "did you mean", Publish waits; fixed, the
 *   app publishes and the operator sees the chart. A table on a joined query says per column
 *   that it is read-only and why, instead of offering "Editable".
 * - a query reading a widget that does not exist yet previews with a test value.
 * - a write-query button: disabled until a row is selected (with the reason), its confirmation
 *   names the rows it changes, and a viewer sees it disabled because it changes data.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Role } from "@/lib/roles";
import { signInThroughApi } from "../fixtures/auth";
import { AppBuilderPage } from "../pages/app-builder-page";
import { AppPage } from "../pages/app-page";
import { trpcMutation } from "../table-editor/api";

async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext();
  await signInThroughApi(context.request, role);
  return context.newPage();
}

async function newApp(page: Page, name: string): Promise<string> {
  const created = await trpcMutation<{ slug: string }>(page.request, "apps.create", { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-") });
  await page.goto(`/apps/${created.slug}/edit`);
  return created.slug;
}

test("a chart's field typo and a joined table's columns are caught in the builder; fixed, the app publishes and the operator sees it", async ({ browser }) => {
  test.setTimeout(180_000);
  const builderPage = await pageAs(browser, "builder");
  const builder = new AppBuilderPage(builderPage);
  const slug = await newApp(builderPage, `Ticket stats ${Date.now().toString(36)}`);
  await expect(builder.canvas()).toBeVisible();

  await test.step("a chart whose y field is misspelt is a problem with a suggestion, and Publish waits", async () => {
    await builder.addQuery("query1", "SELECT status, COUNT(*) AS tickets FROM support_tickets GROUP BY status", /rows in/);
    await builder.add("chart", "chart1");
    await builder.typeInto(builderPage.getByRole("textbox", { name: "Data" }), "{{ query1.data }}");
    await builderPage.getByLabel("X field").fill("status");
    const y = builderPage.getByLabel("Y fields");
    await y.fill("ticket");
    await y.blur();
    await builderPage.getByRole("tab", { name: /^Problems/ }).click();
    const problems = builderPage.getByRole("list", { name: "Problems" });
    await expect(problems).toContainText('Series 1 of "chart1": "query1" returns no column "ticket". Did you mean "tickets"?');
    await builder.save("With a typo");
    await expect(builderPage.getByRole("button", { name: /^Publish version/ }).first()).toBeDisabled();
  });

  await test.step("a table on a joined query says its columns are read-only and why", async () => {
    await builderPage.getByRole("tab", { name: "Queries" }).click();
    await builder.addQuery("query2", "SELECT t.id, t.subject, c.name FROM support_tickets t JOIN customers c ON c.id = t.customer_id ORDER BY t.id LIMIT 20", /^20 rows in/);
    await builder.add("table", "table1");
    await builder.typeInto(builderPage.getByRole("textbox", { name: "Data" }), "{{ query2.data }}");
    await builderPage.getByRole("button", { name: "Add columns from data" }).click();
    const readOnly = builderPage.getByLabel("Column 2 is read-only");
    await expect(readOnly).toContainText("not rows of one table");
    await expect(builderPage.getByLabel("Column 2 editable")).toHaveCount(0);
  });

  await test.step("the typo fixed, the app saves with no problems and publishes", async () => {
    await builder.select("chart1");
    const y = builderPage.getByLabel("Y fields");
    await y.fill("tickets");
    await y.blur();
    await builderPage.getByRole("tab", { name: /^Problems/ }).click();
    await expect(builderPage.getByText("No problems found. The app can be published.")).toBeVisible();
    const version = await builder.save("Typo fixed");
    await builder.publish(version);
  });

  await test.step("the operator sees the chart", async () => {
    const operatorPage = await pageAs(browser, "operator");
    const operator = new AppPage(operatorPage);
    await operator.open(slug);
    await expect(operator.widget("chart1").locator(".recharts-bar-rectangle").first()).toBeVisible();
  });
});

test("a query previews with a test value before the widget it reads exists", async ({ browser }) => {
  test.setTimeout(120_000);
  const builderPage = await pageAs(browser, "builder");
  const builder = new AppBuilderPage(builderPage);
  await newApp(builderPage, `Ticket lookup ${Date.now().toString(36)}`);
  await builderPage.getByRole("button", { name: "Add query" }).click();
  await builder.typeInto(builderPage.getByRole("textbox", { name: "SQL" }), "SELECT id, subject FROM support_tickets WHERE id = {{ ticketId.value }}");
  await builderPage.getByLabel("Test value for {{ ticketId.value }}").fill("3");
  await builderPage.getByRole("button", { name: "Run query" }).click();
  await expect(builderPage.getByText(/^1 row in/)).toBeVisible({ timeout: 20_000 });
});

test("a write-query button: disabled until a row is selected, confirmation names the rows, viewers cannot run it", async ({ browser }) => {
  test.setTimeout(120_000);
  const slug = `close-desk-${Date.now().toString(36)}`;
  const builderPage = await pageAs(browser, "builder");
  const created = await trpcMutation<{ id: string }>(builderPage.request, "apps.create", { name: "Close desk", slug });
  const document = {
    id: "set-by-the-server",
    name: "Close desk",
    slug,
    queries: [
      { id: "tickets", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT id, subject, status FROM support_tickets WHERE status = 'open' ORDER BY id LIMIT 20" },
      { id: "closeSelected", datasource: "Acme Ops", mode: "write", trigger: { kind: "manual" }, sql: "UPDATE support_tickets SET status = 'closed' WHERE id = {{ table1.selectedRow.id }}" },
    ],
    pages: [
      {
        id: "main",
        name: "Main",
        widgets: [
          {
            id: "closeButton",
            type: "button",
            layout: { x: 0, y: 0, w: 4, h: 1 },
            props: { label: "Close ticket", run: { kind: "query", query: "closeSelected" }, confirm: "Close the selected ticket?", disabledWhen: "{{ len(table1.selectedRows) == 0 }}", disabledReason: "Select a ticket first." },
          },
          { id: "table1", type: "table", layout: { x: 0, y: 1, w: 12, h: 6 }, props: { data: "{{ tickets.data }}", rowKey: "id" } },
        ],
      },
    ],
  };
  const saved = await trpcMutation<{ version: number }>(builderPage.request, "apps.save", { appId: created.id, baseVersion: 1, document, message: "close button" });
  expect((await trpcMutation<{ ok: boolean }>(builderPage.request, "apps.publish", { appId: created.id, version: saved.version })).ok).toBe(true);

  const operatorPage = await pageAs(browser, "operator");
  const operator = new AppPage(operatorPage);
  await operator.open(slug);
  await operator.waitForRows("table1");
  const button = operatorPage.getByRole("button", { name: "Close ticket" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription("Select a ticket first.");

  const id = await (await operator.cell(1, "id", "table1")).innerText();
  await operator.selectRows([1], "table1");
  await expect(button).toBeEnabled();
  await button.click();
  const dialog = operatorPage.getByRole("dialog", { name: "Close ticket?" });
  await expect(dialog).toContainText(`Close the selected ticket? It changes 1 row (id ${id}).`);
  await dialog.getByRole("button", { name: "Close ticket" }).click();
  await expect(operatorPage.getByText("closeSelected ran. 1 row changed.")).toBeVisible();

  const viewerPage = await pageAs(browser, "viewer");
  await new AppPage(viewerPage).open(slug);
  const viewerButton = viewerPage.getByRole("button", { name: "Close ticket" });
  await expect(viewerButton).toBeDisabled();
  await expect(viewerButton).toHaveAccessibleDescription("Needs the operator role: closeSelected changes data.");
});
