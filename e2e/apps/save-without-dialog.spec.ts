/**
 * Saving as a builder expects: Ctrl/⌘+S saves a version at once (no dialog), saving again with
 * nothing changed makes no version and says so, and the version's message is written afterwards
 * in History. Publish stays the one primary button.
 */
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { trpcMutation } from "../table-editor/api";
import { AppBuilderPage } from "../pages/app-builder-page";

const slug = `quick-save-${Date.now().toString(36)}`;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await signInThroughApi(context.request, "builder");
  await trpcMutation<{ id: string }>(context.request, "apps.create", { name: "Quick save", slug });
  await context.close();
});

test("Ctrl/⌘+S saves without a dialog, an unchanged save makes no version, the message is added in History", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const builder = new AppBuilderPage(page);
  await page.goto(`/apps/${slug}/edit`);
  await builder.add("stat", "stat1");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByText("Version 2 saved.", { exact: true })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByText("Saved as version 2")).toBeVisible();

  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByText(/^No changes to save/)).toBeVisible();
  await expect(page.getByText("Saved as version 2")).toBeVisible();

  await builder.editMessage(2, "A stat tile for the total");
  await page.getByRole("button", { name: "History", exact: true }).click();
  const versions = page.getByRole("dialog", { name: "Version history" }).getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await expect(versions.getByRole("listitem").first()).toContainText("A stat tile for the total");
});
