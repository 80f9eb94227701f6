/**
 * A builder who does not know the binding functions finds them: the autocomplete shows each
 * function's signature and what it does, the builder's Help panel and /help list them, and the
 * aggregate a Retool or Appsmith user writes first — sum over a column of a query's rows — works
 * in the builder and, once published, for operators.
 */
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { trpcMutation } from "../table-editor/api";
import { AppBuilderPage } from "../pages/app-builder-page";
import { AppPage } from "../pages/app-page";

const slug = `aggregates-${Date.now().toString(36)}`;

const document = {
  id: "set-by-the-server",
  name: "Aggregates",
  slug,
  queries: [{ id: "amounts", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT 5 AS total UNION ALL SELECT 7 AS total UNION ALL SELECT NULL AS total" }],
  pages: [{ id: "main", name: "Main", widgets: [{ id: "totalTile", type: "stat", layout: { x: 0, y: 0, w: 3, h: 2 }, props: { label: "Total", value: "0", format: "number" } }] }],
};

let appId = "";

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await signInThroughApi(context.request, "builder");
  appId = (await trpcMutation<{ id: string }>(context.request, "apps.create", { name: "Aggregates", slug })).id;
  await trpcMutation(context.request, "apps.save", { appId, baseVersion: 1, document, message: "a tile and a query" });
  await context.close();
});

test("a builder finds sum() in autocomplete and Help, uses it on a query's column, and an operator sees the total", async ({ page, browser }) => {
  await signInThroughApi(page.request, "builder");
  const builder = new AppBuilderPage(page);

  await test.step("/help lists the language, the functions and the formats", async () => {
    await page.goto("/help");
    await expect(page.getByRole("heading", { name: "The binding language" })).toBeVisible();
    const aggregates = page.getByRole("table", { name: "Aggregates functions" });
    await expect(aggregates).toContainText('sum(rows, "field")');
    await expect(aggregates).toContainText("count(rows)");
    await expect(page.getByRole("table", { name: "Formats" })).toContainText("money");
  });

  await page.goto(`/apps/${slug}/edit`);
  await builder.select("totalTile");

  await test.step("autocomplete shows the signature and a description", async () => {
    const value = page.getByRole("textbox", { name: "Value" });
    await value.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("{{ su");
    const option = page.getByRole("option", { name: /^sum/ });
    await expect(option).toContainText('sum(rows, "field")');
    await expect(page.getByText(/The total of a column of rows/)).toBeVisible();
    await page.keyboard.press("Escape");
    await builder.typeInto(value, '{{ sum(amounts.data, "total") }}');
    await expect(builder.widget("totalTile")).toContainText("12");
  });

  await test.step("the Help panel shows the same reference", async () => {
    await page.getByRole("button", { name: "Help", exact: true }).click();
    const help = page.getByRole("dialog", { name: "Bindings reference" });
    await expect(help.getByRole("table", { name: "Aggregates functions" })).toContainText('avg(rows, "field")');
    await help.getByRole("button", { name: "Close" }).click();
  });

  const version = await builder.save("Total of amounts");
  await builder.publish(version);

  const operatorContext = await browser.newContext();
  await signInThroughApi(operatorContext.request, "operator");
  const operator = new AppPage(await operatorContext.newPage());
  await operator.open(slug);
  await expect(operator.widget("Total")).toContainText("12");
  await operatorContext.close();
});
