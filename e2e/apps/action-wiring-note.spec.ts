/**
 * Where a builder chooses how to run an action — adding a table or a button — the builder says
 * what each way runs on: a table's row actions once per selected row, a button once.
 */
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { AppBuilderPage } from "../pages/app-builder-page";

test("the palette and the inspector of a table or a button explain the two ways to run an action", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const builder = new AppBuilderPage(page);
  await page.goto("/apps/order-desk/edit");
  const palette = page.getByRole("complementary", { name: "Palette and pages" });
  await expect(palette.getByRole("complementary", { name: "Two ways to run an action" })).toContainText("once per selected row");

  await builder.select("ordersTable");
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await expect(inspector.getByRole("complementary", { name: "Two ways to run an action" })).toContainText("A button runs one action once");
  await builder.select("heading");
  await expect(inspector.getByRole("complementary", { name: "Two ways to run an action" })).toHaveCount(0);
});
