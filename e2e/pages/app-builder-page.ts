/**
 * Page object for the app builder (/apps/<slug>/edit): the palette adds widgets, which appear on
 * the canvas as groups named by their id; the inspector edits the selected widget; binding and
 * SQL fields are CodeMirror editors (textboxes), typed into like a user types.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class AppBuilderPage {
  constructor(readonly page: Page) {}

  canvas(): Locator {
    return this.page.getByRole("region", { name: "Canvas" });
  }

  widget(id: string): Locator {
    return this.canvas().getByRole("group", { name: id, exact: true });
  }

  /** Selects a widget by its drag tab (clicking its content would use it: a button would run). */
  async select(id: string): Promise<void> {
    await this.widget(id).getByTitle("Drag to move").click();
    await expect(this.page.getByRole("textbox", { name: "Widget id" })).toHaveValue(id);
  }

  async add(kind: string, id: string): Promise<void> {
    await this.page.getByRole("button", { name: `Add ${kind}`, exact: true }).click();
    await expect(this.widget(id)).toBeVisible();
  }

  /** Replaces the text of a CodeMirror field (a binding or the SQL) by typing it. */
  async typeInto(field: Locator, text: string): Promise<void> {
    await field.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.type(text);
    // Close an autocomplete list that may still be open, so the next key is not taken by it.
    await this.page.keyboard.press("Escape");
  }

  async addQuery(id: string, sql: string, expectedRows: RegExp): Promise<void> {
    await this.page.getByRole("button", { name: "Add query" }).click();
    await expect(this.page.getByRole("region", { name: `Query ${id}`, exact: true })).toBeVisible();
    await this.typeInto(this.page.getByRole("textbox", { name: "SQL" }), sql);
    await this.page.getByRole("button", { name: "Run query" }).click();
    await expect(this.page.getByText(expectedRows)).toBeVisible({ timeout: 20_000 });
  }

  /** Saves a version (no dialog), then writes its message in History; returns its number. */
  async save(message: string): Promise<number> {
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
    const saved = this.page.getByText(/^Version \d+ saved\.$/);
    await expect(saved).toBeVisible();
    const version = Number((await saved.innerText()).replace(/\D/g, ""));
    await this.editMessage(version, message);
    return version;
  }

  /** Sets a saved version's message from the History dialog. */
  async editMessage(version: number, message: string): Promise<void> {
    await this.page.getByRole("button", { name: "History", exact: true }).click();
    const history = this.page.getByRole("dialog", { name: "Version history" });
    await history.getByRole("button", { name: `Edit the message of version ${version}` }).click();
    await history.getByRole("textbox", { name: `Message of version ${version}` }).fill(message);
    await history.getByRole("button", { name: "Save message" }).click();
    await expect(history.getByRole("listitem").filter({ hasText: `Version ${version}` }).first()).toContainText(message);
    await history.getByRole("button", { name: "Close" }).click();
    await expect(history).toBeHidden();
  }

  async publish(version: number): Promise<void> {
    await this.page.getByRole("button", { name: `Publish version ${version}` }).first().click();
    const dialog = this.page.getByRole("dialog", { name: `Publish version ${version}?` });
    await dialog.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(this.page.getByText(`Version ${version} is published`).first()).toBeVisible();
  }
}
