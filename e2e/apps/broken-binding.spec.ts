/**
 * A broken binding breaks its own widget, not the page: in the published app (a tile dividing by
 * zero) and in the builder (a tile naming something that does not exist) the error is shown on
 * that widget while the table and the other tile keep their data.
 */
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { trpcMutation } from "../table-editor/api";
import { AppBuilderPage } from "../pages/app-builder-page";
import { AppPage } from "../pages/app-page";

const slug = `broken-binding-${Date.now().toString(36)}`;

const document = {
  id: "set-by-the-server",
  name: "Broken binding",
  slug,
  queries: [{ id: "tickets", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT id, subject FROM support_tickets ORDER BY id LIMIT 20" }],
  pages: [
    {
      id: "main",
      name: "Main",
      widgets: [
        { id: "countTile", type: "stat", layout: { x: 0, y: 0, w: 3, h: 2 }, props: { label: "Tickets", value: "{{ len(tickets.data) }}", format: "number" } },
        { id: "brokenTile", type: "stat", layout: { x: 3, y: 0, w: 3, h: 2 }, props: { label: "Per nothing", value: "{{ tickets.data[0].id / 0 }}", format: "number" } },
        { id: "ticketsTable", type: "table", layout: { x: 0, y: 2, w: 12, h: 6 }, props: { data: "{{ tickets.data }}", rowKey: "id" } },
      ],
    },
  ],
};

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await signInThroughApi(context.request, "builder");
  const created = await trpcMutation<{ id: string }>(context.request, "apps.create", { name: "Broken binding", slug });
  const saved = await trpcMutation<{ version: number }>(context.request, "apps.save", { appId: created.id, baseVersion: 1, document, message: "a tile divides by zero" });
  const published = await trpcMutation<{ ok: boolean }>(context.request, "apps.publish", { appId: created.id, version: saved.version });
  expect(published.ok).toBe(true);
  await context.close();
});

test("in the published app the failing tile shows its error; the rest of the page has its data", async ({ page }) => {
  await signInThroughApi(page.request, "operator");
  const app = new AppPage(page);
  await app.open(slug);
  await expect(app.widget("Per nothing").getByRole("alert")).toContainText(/zero/i);
  await expect(app.widget("Tickets")).toContainText("20");
  await expect(app.widget("Tickets").getByRole("alert")).toHaveCount(0);
  await app.waitForRows("ticketsTable");
  await expect(app.widget("ticketsTable").getByRole("alert")).toHaveCount(0);
});

test("in the builder a binding to an unknown name marks that widget and the problems list only", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const builder = new AppBuilderPage(page);
  await page.goto(`/apps/${slug}/edit`);
  await expect(builder.widget("ticketsTable").getByRole("grid")).toBeVisible();
  await builder.select("countTile");
  await builder.typeInto(page.getByRole("textbox", { name: "Value" }), "{{ nope.data }}");
  await expect(builder.widget("countTile").getByRole("alert")).toContainText("nope");
  await expect(builder.widget("ticketsTable").getByRole("grid")).toBeVisible();
  await expect(builder.widget("ticketsTable").getByRole("alert")).toHaveCount(0);
  await page.getByRole("tab", { name: /^Problems/ }).click();
  await expect(page.getByRole("tabpanel", { name: /Problems/ })).toContainText('Unknown name "nope"');
});
