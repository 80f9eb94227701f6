/** Page object for the table editor (/tables): the spreadsheet grid helpers plus opening a table. */
import type { Locator, Page } from "@playwright/test";
import { SpreadsheetPage } from "./spreadsheet-page";

export class TableEditorPage extends SpreadsheetPage {
  readonly tableSelect: Locator;

  constructor(page: Page) {
    super(page);
    this.tableSelect = page.getByLabel("Table", { exact: true });
  }

  /** Opens the editor on a table through the pickers, as a builder would, and waits for the rows. */
  async open(table = "orders"): Promise<void> {
    await this.page.goto("/tables");
    await this.tableSelect.selectOption(table);
    await this.waitForRows(table);
  }

  /** Opens the editor at a URL (query string as the editor writes it) and waits for the rows. */
  async openUrl(url: string, table = "orders"): Promise<void> {
    await this.page.goto(url);
    await this.waitForRows(table);
  }

  /** The data source id the editor shows (from the URL it keeps the view in). */
  sourceId(): string {
    const id = new URL(this.page.url()).searchParams.get("source");
    if (!id) throw new Error(`No source in ${this.page.url()}`);
    return id;
  }
}
