/**
 * The builder on a 1440×900 laptop screen, as a builder arranges it: side panels hide to give
 * the canvas the width, the queries panel is dragged taller and stays so after a reload, the
 * inspector of a table scrolls down and never sideways, widget-id chips never cover a label,
 * and the SQL of a selected query is on screen.
 */
import { expect, test, type Locator } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { AppBuilderPage } from "../pages/app-builder-page";

test.use({ viewport: { width: 1440, height: 900 } });

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error("element has no box");
  return found;
}

test("a builder makes room on a laptop screen and the layout stays readable", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const builder = new AppBuilderPage(page);
  await page.goto("/apps/order-desk/edit");
  await expect(builder.widget("ordersTable").getByRole("grid")).toBeVisible();

  await test.step("widget-id chips never cover a label", async () => {
    const chip = builder.widget("status").getByTitle("Drag to move");
    const label = builder.widget("status").getByText("Status", { exact: true });
    const [a, b] = [await box(chip), await box(label)];
    expect(a.y + a.height <= b.y || b.y + b.height <= a.y || a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true);
  });

  await test.step("hiding both side panels gives the canvas the width", async () => {
    const before = (await box(builder.canvas())).width;
    await page.getByRole("button", { name: "Hide palette and pages" }).click();
    await page.getByRole("button", { name: "Hide inspector" }).click();
    await expect(page.getByRole("button", { name: "Add table" })).toHaveCount(0);
    const after = (await box(builder.canvas())).width;
    expect(after).toBeGreaterThan(before + 400);
    await page.getByRole("button", { name: "Show inspector" }).click();
  });

  await test.step("the table's inspector scrolls down, never sideways", async () => {
    await builder.select("ordersTable");
    const inspector = page.getByRole("complementary", { name: "Inspector" });
    const overflow = await inspector.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
  });

  await test.step("the queries panel is resized and keeps its height after a reload", async () => {
    const panel = page.getByRole("region", { name: "Queries and problems" });
    const start = (await box(panel)).height;
    const handle = page.getByRole("separator", { name: "Resize the queries and problems panel" });
    await handle.focus();
    for (let step = 0; step < 4; step += 1) await page.keyboard.press("ArrowUp");
    const resized = (await box(panel)).height;
    expect(resized).toBeGreaterThan(start + 80);
    await page.reload();
    await expect(builder.widget("ordersTable").getByRole("grid")).toBeVisible();
    expect(Math.abs((await box(panel)).height - resized)).toBeLessThan(2);
    // The hidden palette stayed hidden too.
    await expect(page.getByRole("button", { name: "Show palette and pages" })).toBeVisible();
  });

  await test.step("the SQL of the selected query is on screen", async () => {
    await page.getByRole("tabpanel").getByRole("button", { name: /lateShipments/ }).click();
    await expect(page.getByRole("textbox", { name: "SQL" })).toBeInViewport();
  });
});
