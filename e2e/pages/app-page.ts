/**
 * Page object for a running app (/apps/<slug>): widgets are named regions or
 * labelled controls; app tables are the spreadsheet grid named by their widget id, so the grid
 * helpers of SpreadsheetPage work on them.
 */
import { expect, type Locator } from "@playwright/test";
import { SpreadsheetPage } from "./spreadsheet-page";

export class AppPage extends SpreadsheetPage {
  async open(slug: string, search = ""): Promise<void> {
    await this.page.goto(`/apps/${slug}${search}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /** A panel widget (table, chart, stat, form) by its name: a stat's label, a chart's or form's title, else the widget id. */
  widget(id: string): Locator {
    return this.page.getByRole("region", { name: id, exact: true });
  }

  /** The toolbar of a table widget's action buttons. */
  tableActions(tableId: string): Locator {
    return this.widget(tableId).getByRole("toolbar", { name: "Actions on the selected rows" });
  }

  async selectRows(rows: number[], table: string): Promise<void> {
    for (const n of rows) await this.row(n, table).getByRole("checkbox", { name: `Select row ${n}` }).check();
  }

  /**
   * Texts of `column` in the data rows the grid has rendered, in row order — read at once, without
   * waiting, so it can be polled while a query runs again (a row may vanish between two reads).
   */
  async renderedColumn(column: string, table: string): Promise<string[]> {
    const colindex = await this.colIndex(column, table);
    return this.grid(table).evaluate((grid, index) => {
      const rows = [...grid.querySelectorAll('[role="row"][aria-rowindex]')].filter((row) => Number(row.getAttribute("aria-rowindex")) > 1);
      rows.sort((a, b) => Number(a.getAttribute("aria-rowindex")) - Number(b.getAttribute("aria-rowindex")));
      return rows.map((row) => row.querySelector(`[role="gridcell"][aria-colindex="${index}"]`)?.textContent ?? "");
    }, colindex);
  }
}
