/** Page object for the query workbench. */
import { expect, type Locator, type Page } from "@playwright/test";

export class WorkbenchPage {
  readonly editor: Locator;
  readonly results: Locator;

  constructor(private readonly page: Page) {
    this.editor = page.getByRole("textbox", { name: "SQL" });
    this.results = page.getByRole("grid", { name: "Query results" });
  }

  async open(): Promise<void> {
    await this.page.goto("/workbench");
    await expect(this.editor).toBeVisible();
  }

  /** Replaces the editor's text by typing, as a builder would (autocomplete closes with Escape). */
  async write(sql: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.press("Delete");
    await this.page.keyboard.insertText(sql);
    await this.page.keyboard.press("Escape");
  }

  async text(): Promise<string> {
    return (await this.editor.innerText()).replace(/\u00a0/g, " ");
  }

  rowCount(): Locator {
    return this.page.getByRole("status").filter({ hasText: / rows/ });
  }

  error(): Locator {
    return this.page.getByRole("alert").filter({ hasNotText: /^$/ });
  }
}
