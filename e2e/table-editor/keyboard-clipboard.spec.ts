/**
 * The table editor's grid from the keyboard: moving the active cell (arrows, Tab, Home/End,
 * Ctrl+arrows to the edges, PageUp/PageDown) and copying a range to paste it elsewhere, on the
 * demo `orders` table (100,000 rows, loaded whole into the browser).
 */
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { TableEditorPage } from "../pages/table-editor-page";

const ORDERS = 100_000;
const LAST_COLUMN = "notes";

test("the active cell moves with arrows, Tab, Home/End, Ctrl+arrows and PageUp/PageDown", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const editor = new TableEditorPage(page);
  await editor.open("orders");
  expect(await editor.rowCount()).toBe(ORDERS);
  const expectActive = async (row: number, column: string) => {
    const cell = await editor.cell(row, column);
    await expect(cell).toBeFocused();
    await expect(cell).toHaveAttribute("tabindex", "0");
  };

  await editor.focusCell(1, "id");
  await expectActive(1, "id");
  // Only the active cell is a tab stop.
  await expect(editor.activeCell()).toHaveCount(1);

  await page.keyboard.press("ArrowRight");
  await expectActive(1, "customer_id");
  await page.keyboard.press("ArrowDown");
  await expectActive(2, "customer_id");
  await page.keyboard.press("ArrowLeft");
  await expectActive(2, "id");
  await page.keyboard.press("ArrowUp");
  await expectActive(1, "id");
  // At the edge an arrow stays put.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowLeft");
  await expectActive(1, "id");

  await page.keyboard.press("Tab");
  await expectActive(1, "customer_id");
  await page.keyboard.press("Shift+Tab");
  await expectActive(1, "id");

  await page.keyboard.press("End");
  await expectActive(1, LAST_COLUMN);
  // Tab at the end of a row wraps to the start of the next one, Shift+Tab back.
  await page.keyboard.press("Tab");
  await expectActive(2, "id");
  await page.keyboard.press("Shift+Tab");
  await expectActive(1, LAST_COLUMN);
  await page.keyboard.press("Home");
  await expectActive(1, "id");

  // Ctrl+arrows jump to the edges of the grid, rendering (and scrolling to) rows far away.
  await page.keyboard.press("ControlOrMeta+ArrowRight");
  await expectActive(1, LAST_COLUMN);
  await page.keyboard.press("ControlOrMeta+ArrowDown");
  await expectActive(ORDERS, LAST_COLUMN);
  await expect(await editor.cell(ORDERS, "id")).toHaveText(String(ORDERS));
  await expect(await editor.cell(ORDERS, LAST_COLUMN)).toBeInViewport();
  await page.keyboard.press("ControlOrMeta+ArrowLeft");
  await expectActive(ORDERS, "id");
  await page.keyboard.press("ControlOrMeta+ArrowUp");
  await expectActive(1, "id");
  await page.keyboard.press("ControlOrMeta+End");
  await expectActive(ORDERS, LAST_COLUMN);
  await page.keyboard.press("ControlOrMeta+Home");
  await expectActive(1, "id");

  // PageDown moves by the rows that fit on screen; twice moves twice as far; PageUp comes back.
  await page.keyboard.press("PageDown");
  const first = await editor.activePosition();
  const step = first.row - 1;
  expect(step, "rows per page in a 420 px high grid").toBeGreaterThanOrEqual(8);
  expect(step).toBeLessThanOrEqual(14);
  await expectActive(1 + step, "id");
  await expect(await editor.cell(1 + step, "id")).toBeInViewport();
  await page.keyboard.press("PageDown");
  await expectActive(1 + 2 * step, "id");
  await expect(await editor.cell(1 + 2 * step, "id")).toBeInViewport();
  await page.keyboard.press("PageUp");
  await expectActive(1 + step, "id");
  await page.keyboard.press("PageUp");
  await expectActive(1, "id");

  // Shift+Tab on the first cell leaves the grid, as on any page.
  await page.keyboard.press("Shift+Tab");
  await expect(await editor.cell(1, "id")).not.toBeFocused();
  await expect(editor.activeCell()).not.toBeFocused();
});

test("a 4 × 3 range copied with Shift+arrows pastes into other editable cells as staged edits", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInThroughApi(page.request, "builder");
  const editor = new TableEditorPage(page);
  await editor.open("orders");
  const columns = ["customer_id", "status", "total_cents"];
  const sourceRows = [5, 6, 7, 8];
  const targetRows = [17, 18, 19, 20];
  for (const column of columns) await expect(editor.columnHeader(column)).toBeVisible();
  await expect(await editor.cell(1, "id")).toHaveAttribute("aria-readonly", "true");
  for (const column of columns) await expect(await editor.cell(1, column)).not.toHaveAttribute("aria-readonly", "true");

  const texts = async (rows: number[]) => {
    const out: string[][] = [];
    for (const row of rows) {
      const line: string[] = [];
      for (const column of columns) line.push(await (await editor.cell(row, column)).innerText());
      out.push(line);
    }
    return out;
  };
  const source = await texts(sourceRows);

  // Select rows 5–8 × customer_id…total_cents with Shift+arrows and copy.
  await editor.focusCell(5, "customer_id");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowDown");
  for (const row of sourceRows) for (const column of columns) await expect(await editor.cell(row, column)).toHaveAttribute("aria-selected", "true");
  await expect(await editor.cell(9, "customer_id")).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("ControlOrMeta+C");
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
    // Money is copied as plain decimal text (it pastes back to the same cents).
    source.map((line) => line.map((text) => text.replace(/^\$/, "").replace(/,/g, "")).join("\t")).join("\n"),
  );

  // Collapse the range and walk down to row 17 with the keyboard, then paste there.
  await page.keyboard.press("Escape");
  for (let i = 5; i < 17; i++) await page.keyboard.press("ArrowDown");
  const targetBefore = await texts(targetRows);
  await expect(await editor.cell(17, "customer_id")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+V");

  let changed = 0;
  for (const [r, row] of targetRows.entries()) {
    for (const [c, column] of columns.entries()) {
      const cell = await editor.cell(row, column);
      await expect(cell).toHaveText(source[r]![c]!);
      // The pasted range is selected afterwards, as in spreadsheets.
      await expect(cell).toHaveAttribute("aria-selected", "true");
      await expect(cell).not.toHaveAttribute("aria-invalid", "true");
      if (targetBefore[r]![c] !== source[r]![c]) {
        changed += 1;
        await expect(cell, `row ${row} ${column} changed, so it is staged`).toHaveAttribute("data-edited", "true");
      } else {
        await expect(cell, `row ${row} ${column} got the value it had, so nothing is staged`).not.toHaveAttribute("data-edited", "true");
      }
    }
  }
  expect(changed, "the chosen rows differ in most pasted cells").toBeGreaterThanOrEqual(9);
  // The copied cells are untouched and nothing else is staged.
  for (const row of sourceRows) for (const column of columns) await expect(await editor.cell(row, column)).not.toHaveAttribute("data-edited", "true");
  await expect(editor.unsavedChanges()).toContainText(`${changed} changes`);
  await expect(page.getByText(`${changed} cells edited`)).toBeVisible();

  // One undo takes the whole paste back.
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(editor.unsavedChanges()).toBeHidden();
  for (const [r, row] of targetRows.entries()) for (const [c, column] of columns.entries()) await expect(await editor.cell(row, column)).toHaveText(targetBefore[r]![c]!);
});
