/**
 * Page object for a running app (/apps/<slug>): widgets are named regions (by widget id) or
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

  /** A panel widget (table, chart, stat, form) by its id. */
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

  /** Texts of column `column` in the first `count` data rows. */
  async columnTexts(column: string, count: number, table: string): Promise<string[]> {
    const texts: string[] = [];
    for (let n = 1; n <= count; n += 1) texts.push(await (await this.cell(n, column, table)).innerText());
    return texts;
  }
}
