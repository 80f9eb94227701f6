/**
 * Page object for a screen with the spreadsheet grid (the table editor, workbench results, app
 * table widgets). The grid is the WAI-ARIA grid pattern: rows are addressed by `aria-rowindex`
 * (header = 1, first data row = 2) and cells by the `aria-colindex` of their column header,
 * looked up by the header's name — so the helpers keep working when a "Save" status column
 * appears in front of the data columns after a conflict. Grids are named: the table's display
 * name in the table editor ("orders"), the widget id in apps ("ordersTable").
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class SpreadsheetPage {
  constructor(readonly page: Page) {}

  /** The grid of a table, named by the table's display name ("orders"). */
  grid(table = "orders"): Locator {
    return this.page.getByRole("grid", { name: table, exact: true });
  }

  async waitForRows(table = "orders"): Promise<void> {
    await expect(this.grid(table)).toBeVisible({ timeout: 30_000 });
    await expect(this.row(1, table)).toBeVisible({ timeout: 30_000 });
  }

  /** Rows matching the current view: the grid's aria-rowcount minus the header row. */
  async rowCount(table = "orders"): Promise<number> {
    return Number(await this.grid(table).getAttribute("aria-rowcount")) - 1;
  }

  /** Data row `n` of the current view, 1-based (aria-rowindex n + 1). */
  row(n: number, table = "orders"): Locator {
    const grid = this.grid(table);
    return grid.getByRole("row").and(grid.locator(`[aria-rowindex="${n + 1}"]`));
  }

  columnHeader(column: string, table = "orders"): Locator {
    return this.grid(table).getByRole("columnheader", { name: column, exact: true });
  }

  async colIndex(column: string, table = "orders"): Promise<number> {
    const index = Number(await this.columnHeader(column, table).getAttribute("aria-colindex"));
    if (!Number.isInteger(index) || index < 1) throw new Error(`No column header ${column}`);
    return index;
  }

  /** The cell of data row `n` (1-based) in `column`. */
  async cell(n: number, column: string, table = "orders"): Promise<Locator> {
    const row = this.row(n, table);
    return row.getByRole("gridcell").and(row.locator(`[aria-colindex="${await this.colIndex(column, table)}"]`));
  }

  /** The cell with keyboard focus in the grid (the active cell has tabindex 0 and focus). */
  activeCell(table = "orders"): Locator {
    const grid = this.grid(table);
    return grid.getByRole("gridcell").and(grid.locator('[tabindex="0"]'));
  }

  /** Where the active cell is, as { row (1-based data row), colindex }. */
  async activePosition(table = "orders"): Promise<{ row: number; colindex: number }> {
    const cell = this.activeCell(table);
    await expect(cell).toBeFocused();
    return cell.evaluate((element) => ({
      row: Number(element.closest('[role="row"]')?.getAttribute("aria-rowindex")) - 1,
      colindex: Number(element.getAttribute("aria-colindex")),
    }));
  }

  /** Clicks a cell: it becomes the active cell and takes focus. */
  async focusCell(n: number, column: string, table = "orders"): Promise<Locator> {
    const cell = await this.cell(n, column, table);
    await cell.click();
    await expect(cell).toBeFocused();
    return cell;
  }

  /** Types a value into the active cell (typing opens the editor) and commits it with Enter (the active cell moves down). */
  async typeIntoActiveCell(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
  }

  unsavedChanges(): Locator {
    return this.page.getByRole("region", { name: "Unsaved changes" });
  }

  saveButton(): Locator {
    return this.unsavedChanges().getByRole("button", { name: "Save", exact: true });
  }

  conflicts(): Locator {
    return this.page.getByRole("region", { name: "Save conflicts" });
  }

  /** The grid's summary line under it: "N rows (filtered from M)", "N selected · Clear selection", "N cells edited". */
  selectedSummary(): Locator {
    return this.page.getByText(/^[\d,]+ selected ·/);
  }

  /** The number in "N selected", or 0 when nothing is selected. */
  async selectedCount(): Promise<number> {
    if ((await this.selectedSummary().count()) === 0) return 0;
    return Number((await this.selectedSummary().innerText()).replace(/ selected.*$/s, "").replace(/,/g, ""));
  }

  alerts(): Locator {
    return this.page.getByRole("alert");
  }

  /** Column menu → Filter… → tick the given values (enum column) → Apply. */
  async filterOneOf(column: string, values: string[], table = "orders"): Promise<void> {
    await this.grid(table).getByRole("button", { name: `${column} column menu` }).click();
    await this.page.getByRole("menuitem", { name: "Filter…" }).click();
    const dialog = this.page.getByRole("dialog", { name: `Filter ${column}` });
    await expect(dialog).toBeVisible();
    for (const value of values) await dialog.getByRole("checkbox", { name: value, exact: true }).check();
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(dialog).toBeHidden();
  }

  /** Column menu → Sort ascending / descending. */
  async sortBy(column: string, direction: "ascending" | "descending", table = "orders"): Promise<void> {
    await this.grid(table).getByRole("button", { name: `${column} column menu` }).click();
    await this.page.getByRole("menuitem", { name: `Sort ${direction}` }).click();
    await expect(this.columnHeader(column, table)).toHaveAttribute("aria-sort", direction);
  }
}
