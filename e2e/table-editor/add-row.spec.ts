/**
 * The table editor's Add row dialog on the demo `orders` table: the same types, editors and
 * validation as the grid (status is a select, money is typed in dollars as the grid shows it),
 * errors next to their field — the grid's own checks before anything is sent, the database's
 * NOT NULL mapped to the field it names — and nothing typed is lost on an error.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { TableEditorPage } from "../pages/table-editor-page";
import { acmeOpsId, readRows } from "./api";

test("Add row validates like the grid, shows database errors next to the field and keeps what was typed", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const editor = new TableEditorPage(page);
  await editor.open("orders");
  const source = await acmeOpsId(page.request);
  const note = `Added in e2e ${Date.now().toString(36)}`;
  const saves: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("tables.save")) saves.push(request.url());
  });
  try {
    await addRow(page, note, saves);
    // 12.50 typed as the grid shows money is stored as 1250 cents.
    expect(await readRows(page.request, source, `select customer_id, status, total_cents from orders where notes = '${note}'`)).toEqual([{ customer_id: 1, status: "pending", total_cents: 1250 }]);
  } finally {
    // Other specs count the seeded orders: the added row goes again. Not through Rowcraft: the demo
    // policy rightly refuses deleting an order, whose ON DELETE CASCADE reaches order_items.
    removeOrdersWithNote(note);
  }
});

async function addRow(page: Page, note: string, saves: string[]): Promise<void> {
  await page.getByRole("button", { name: "Add row" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a row" });
  await expect(dialog).toBeVisible();
  // An enum column is a select of its values, not free text.
  const status = dialog.getByRole("combobox", { name: "status" });
  await expect(status.getByRole("option", { name: "pending" })).toBeAttached();
  await status.selectOption("pending");
  await dialog.getByRole("textbox", { name: "total_cents" }).fill("12.50");
  await dialog.getByRole("textbox", { name: "placed_at" }).fill("2026-11-01 10:00");
  await dialog.getByRole("textbox", { name: "updated_at" }).fill("2026-11-01 10:00");
  await dialog.getByRole("textbox", { name: "notes" }).fill(note);

  // The grid's own check, next to the field, before anything is sent.
  const customer = dialog.getByRole("textbox", { name: "customer_id" });
  await customer.fill("4x");
  await dialog.getByRole("button", { name: "Add row" }).click();
  await expect(customer).toHaveAttribute("aria-invalid", "true");
  await expect(customer).toHaveAccessibleDescription(/Enter a whole number\./);
  expect(saves).toEqual([]);

  // Blank: the database refuses NOT NULL; the error is put next to customer_id, in the dialog.
  await customer.fill("");
  await dialog.getByRole("button", { name: "Add row" }).click();
  await expect(customer).toHaveAccessibleDescription(/Required: the database refuses an empty value here\./);
  await expect(dialog.getByRole("alert")).toContainText("NOT NULL");
  await expect(dialog).toBeVisible();
  // Nothing typed was lost.
  await expect(dialog.getByRole("textbox", { name: "total_cents" })).toHaveValue("12.50");
  await expect(status).toHaveValue("pending");
  await expect(dialog.getByRole("textbox", { name: "notes" })).toHaveValue(note);

  await customer.fill("1");
  await dialog.getByRole("button", { name: "Add row" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Saved: 1 row added." })).toBeVisible();
}

function removeOrdersWithNote(note: string): void {
  const dataDir = process.env.ROWCRAFT_E2E_DATA_DIR;
  if (!dataDir) throw new Error("ROWCRAFT_E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  const db = new Database(path.join(dataDir, "acme-ops.sqlite"));
  try {
    db.prepare("DELETE FROM orders WHERE notes = ?").run(note);
  } finally {
    db.close();
  }
}
