/**
 * Page object for running actions from the table editor (/tables): the grid (WAI-ARIA grid
 * pattern: rows by `aria-rowindex`, cells by their column header's `aria-colindex`), the
 * "Run action" dialog with its mapping groups (one fieldset per input field, named by it), the
 * danger confirmation and the run's progress panel. Role- and label-based locators only.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class ActionRunPage {
  constructor(readonly page: Page) {}

  grid(table = "orders"): Locator {
    return this.page.getByRole("grid", { name: table, exact: true });
  }

  /** Opens the editor on a table through the pickers and waits for the rows. */
  async open(table = "orders"): Promise<void> {
    await this.page.goto("/tables");
    await this.page.getByLabel("Table", { exact: true }).selectOption(table);
    await expect(this.grid(table)).toBeVisible({ timeout: 30_000 });
    await expect(this.row(1, table)).toBeVisible({ timeout: 30_000 });
  }

  /** Data row `n` of the current view, 1-based. */
  row(n: number, table = "orders"): Locator {
    const grid = this.grid(table);
    return grid.getByRole("row").and(grid.locator(`[aria-rowindex="${n + 1}"]`));
  }

  columnHeader(column: string, table = "orders"): Locator {
    return this.grid(table).getByRole("columnheader", { name: column, exact: true });
  }

  async cell(n: number, column: string, table = "orders"): Promise<Locator> {
    const index = Number(await this.columnHeader(column, table).getAttribute("aria-colindex"));
    if (!Number.isInteger(index) || index < 1) throw new Error(`No column header ${column}`);
    const row = this.row(n, table);
    return row.getByRole("gridcell").and(row.locator(`[aria-colindex="${index}"]`));
  }

  /** Column menu → Filter… → tick the values → Apply. */
  async filterOneOf(column: string, values: string[], table = "orders"): Promise<void> {
    await this.grid(table).getByRole("button", { name: `${column} column menu`, exact: true }).click();
    await this.page.getByRole("menuitem", { name: "Filter…" }).click();
    const dialog = this.page.getByRole("dialog", { name: `Filter ${column}` });
    for (const value of values) await dialog.getByRole("checkbox", { name: value, exact: true }).check();
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(dialog).toBeHidden();
  }

  async sortBy(column: string, direction: "ascending" | "descending", table = "orders"): Promise<void> {
    await this.grid(table).getByRole("button", { name: `${column} column menu`, exact: true }).click();
    await this.page.getByRole("menuitem", { name: `Sort ${direction}` }).click();
    await expect(this.columnHeader(column, table)).toHaveAttribute("aria-sort", direction);
  }

  async selectRows(rows: number[], table = "orders"): Promise<void> {
    for (const n of rows) await this.row(n, table).getByRole("checkbox", { name: `Select row ${n}` }).check();
    await expect(this.page.getByText(new RegExp(`^${rows.length} selected ·`))).toBeVisible();
  }

  runActionButton(): Locator {
    return this.page.getByRole("button", { name: "Run action", exact: true });
  }

  /** The run dialog (start: "Run an action on 3 rows of orders"; retry: "Retry failed rows: Refund order"). */
  dialog(name: string | RegExp): Locator {
    return this.page.getByRole("dialog", { name });
  }

  /** The mapping of one input field: its fieldset, named by the field. */
  mapping(dialog: Locator, field: string): Locator {
    return dialog.getByRole("group", { name: field, exact: true });
  }

  /** The value typed at run time for a field. */
  runtimeValue(dialog: Locator, field: string): Locator {
    return dialog.getByRole("group", { name: "Values for this run" }).getByLabel(field, { exact: true });
  }

  progress(): Locator {
    return this.page.getByRole("progressbar", { name: "Rows done" });
  }

  results(): Locator {
    return this.page.getByRole("table", { name: "Row results" });
  }

  /** The result row of a grid row (by its primary key value, the row header cell). */
  result(rowLabel: string): Locator {
    return this.results().getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: rowLabel, exact: true }) });
  }

  /** Waits until every row ran and the run says how it ended: "Finished" when all succeeded, else "2 of 3 succeeded". */
  async waitForRunEnd(total: number, outcome = "Finished"): Promise<void> {
    await expect(this.progress()).toHaveAttribute("aria-valuemax", String(total));
    await expect(this.progress()).toHaveAttribute("aria-valuenow", String(total), { timeout: 20_000 });
    await expect(this.page.getByRole("status").filter({ hasText: new RegExp(`^${outcome}:`) })).toBeVisible({ timeout: 20_000 });
  }
}
