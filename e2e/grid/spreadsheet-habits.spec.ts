/**
 * Spreadsheet habits an Excel or Sheets user's hands expect, on the table editor's grid over the
 * demo `orders` table: F2, Enter and double-click put the caret at the end (typing appends),
 * Ctrl/Cmd+X cuts, one pasted value fills a selected range, Shift+click sorts by a second column,
 * and typing or pasting into a read-only cell says why instead of doing nothing. Nothing is saved.
 */
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { TableEditorPage } from "../pages/table-editor-page";

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInThroughApi(page.request, "builder");
  await new TableEditorPage(page).open("orders");
});

test("F2, Enter and double-click edit with the caret at the end: typing appends", async ({ page }) => {
  const editor = new TableEditorPage(page);
  const open = {
    F2: async (row: number) => {
      await editor.focusCell(row, "customer_id");
      await page.keyboard.press("F2");
    },
    Enter: async (row: number) => {
      await editor.focusCell(row, "customer_id");
      await page.keyboard.press("Enter");
    },
    "double-click": async (row: number) => {
      await (await editor.cell(row, "customer_id")).dblclick();
    },
  };
  for (const [row, how] of [[2, "F2"], [3, "Enter"], [4, "double-click"]] as const) {
    const cell = await editor.cell(row, "customer_id");
    const before = await cell.innerText();
    await open[how](row);
    await expect(page.getByRole("textbox", { name: "Edit customer_id" })).toBeFocused();
    await page.keyboard.type("7");
    await page.keyboard.press("Enter");
    await expect(cell, `${how} appends`).toHaveText(`${before}7`);
    await expect(cell).toHaveAttribute("data-edited", "true");
  }
});

test("Ctrl/Cmd+X cuts: the text is on the clipboard and the cell is cleared as a staged edit", async ({ page }) => {
  const editor = new TableEditorPage(page);
  const cell = await editor.focusCell(5, "customer_id");
  const before = await cell.innerText();
  await page.keyboard.press("ControlOrMeta+X");
  await expect(cell).toHaveAttribute("data-edited", "true");
  await expect(cell.getByRole("img", { name: "empty" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(before);
  // Undo brings it back, like any other edit.
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(cell).toHaveText(before);
});

test("one pasted value fills the whole selected range", async ({ page }) => {
  const editor = new TableEditorPage(page);
  await page.evaluate(() => navigator.clipboard.writeText("4242"));
  await editor.focusCell(6, "customer_id");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("ControlOrMeta+V");
  for (const row of [6, 7, 8]) await expect(await editor.cell(row, "customer_id")).toHaveText("4242");
  await expect(await editor.cell(9, "customer_id")).not.toHaveText("4242");
});

test("Shift+click on a second header sorts by both columns", async ({ page }) => {
  const editor = new TableEditorPage(page);
  await editor.columnHeader("status").getByRole("button", { name: "status", exact: true }).click();
  await expect(editor.columnHeader("status")).toHaveAttribute("aria-sort", "ascending");
  await editor.columnHeader("total_cents").getByRole("button", { name: "total_cents", exact: true }).click({ modifiers: ["Shift"] });
  await expect(editor.columnHeader("total_cents")).toHaveAttribute("aria-sort", "ascending");
  await expect(editor.columnHeader("status")).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("status:asc,total_cents:asc");
  // Within the first status, totals go up.
  const cents = async (row: number) => Number((await (await editor.cell(row, "total_cents")).innerText()).replace(/[$,]/g, ""));
  expect(await (await editor.cell(1, "status")).innerText()).toBe(await (await editor.cell(2, "status")).innerText());
  expect(await cents(1)).toBeLessThanOrEqual(await cents(2));
  // A plain click sorts by that column alone again.
  await editor.columnHeader("customer_id").getByRole("button", { name: "customer_id", exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("customer_id:asc");
});

test("typing or pasting into a read-only cell says why", async ({ page }) => {
  const editor = new TableEditorPage(page);
  const id = await editor.focusCell(3, "id");
  await page.keyboard.type("9");
  await expect(page.getByRole("status").filter({ hasText: "id is read-only" })).toContainText("primary key");
  await expect(id).toHaveText("3");
  await expect(id).toBeFocused();
  await page.evaluate(() => navigator.clipboard.writeText("77"));
  await page.keyboard.press("Escape");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(page.getByRole("status").filter({ hasText: "id is read-only" })).toBeVisible();
  await expect(id).toHaveText("3");
});
