/**
 * A builder renames a widget and goes straight on to the next field: the rename is applied when
 * the id field loses focus, and the field clicked into keeps the focus and every key typed.
 * (Before, the inspector restarted on the new id and the typed label went nowhere.)
 */
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { trpcMutation } from "../table-editor/api";
import { AppBuilderPage } from "../pages/app-builder-page";

const slug = `rename-focus-${Date.now().toString(36)}`;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await signInThroughApi(context.request, "builder");
  await trpcMutation<{ id: string }>(context.request, "apps.create", { name: "Rename focus", slug });
  await context.close();
});

test("renaming a widget then clicking into Label keeps the focus and the typed text", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const builder = new AppBuilderPage(page);
  await page.goto(`/apps/${slug}/edit`);
  await builder.add("stat", "stat1");

  const id = page.getByRole("textbox", { name: "Widget id" });
  await id.fill("openTickets");
  const label = page.getByRole("textbox", { name: "Label", exact: true });
  await label.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Open tickets");

  await expect(label).toBeFocused();
  await expect(label).toHaveValue("Open tickets");
  await expect(id).toHaveValue("openTickets");
  await expect(builder.widget("openTickets")).toContainText("Open tickets");
});
