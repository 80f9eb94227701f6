/**
 * Saving the table editor's staged edits on the demo `orders` table: a plain save that
 * persists, a conflict with someone else's save (nothing written, then "Take theirs" and
 * "Overwrite with mine"), a letter in a number cell that blocks the save, and a database that
 * is unreachable during the save (edits kept, also across a reload, and saved once it is back).
 *
 * Each test edits its own orders (by id) so they do not depend on each other's saves.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { TableEditorPage } from "../pages/table-editor-page";
import { acmeOpsId, orderNotes, saveOrderNotes } from "./api";

/** A suffix that makes this run's values unique. */
const stamp = () => `${Date.now().toString(36)}`;

/** Types `values` into the notes of consecutive rows from `firstRow` (Enter commits and moves down). */
async function editNotes(page: Page, editor: TableEditorPage, firstRow: number, values: string[]): Promise<void> {
  await editor.focusCell(firstRow, "id");
  await page.keyboard.press("End");
  await expect(await editor.cell(firstRow, "notes")).toBeFocused();
  for (const value of values) await editor.typeIntoActiveCell(value);
}

test("three edited cells are saved together and are still there after a reload", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const editor = new TableEditorPage(page);
  await editor.open("orders");
  const source = await acmeOpsId(page.request);
  const ids = [3, 4, 5];
  for (const id of ids) await expect(await editor.cell(id, "id")).toHaveText(String(id));
  const run = stamp();
  const values = ids.map((id) => `Saved note ${id} (${run})`);

  await editNotes(page, editor, 3, values);
  for (const [i, id] of ids.entries()) {
    const cell = await editor.cell(id, "notes");
    await expect(cell).toHaveText(values[i]!);
    await expect(cell).toHaveAttribute("data-edited", "true");
  }
  await expect(editor.unsavedChanges()).toContainText("3 changes");
  // Staged only: the database does not have them yet.
  expect(Object.values(await orderNotes(page.request, source, ids))).not.toContain(values[0]);

  // The re-read after the save is held back, so the window between "Saved" and fresh rows is wide
  // open: the cells must show the saved values throughout, never the old ones.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let heldReads = 0;
  await page.route(/\/api\/trpc\/[^?]*tables\.browse/, async (route) => {
    heldReads += 1;
    await held;
    await route.continue();
  });
  await editor.saveButton().click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: 3 rows updated." })).toBeVisible();
  await expect(editor.unsavedChanges()).toBeHidden();
  await expect.poll(() => heldReads).toBeGreaterThan(0);
  for (const [i, id] of ids.entries()) {
    const cell = await editor.cell(id, "notes");
    await expect(cell).toHaveText(values[i]!);
    await expect(cell).not.toHaveAttribute("data-edited", "true");
  }
  release();
  expect(await orderNotes(page.request, source, ids)).toEqual(Object.fromEntries(ids.map((id, i) => [id, values[i]])));

  await page.reload();
  await editor.waitForRows();
  for (const [i, id] of ids.entries()) {
    const cell = await editor.cell(id, "notes");
    await expect(cell).toHaveText(values[i]!);
    await expect(cell).not.toHaveAttribute("data-edited", "true");
  }
  await expect(editor.unsavedChanges()).toBeHidden();
});

test("a row someone else saved first is a conflict: nothing is written, then Take theirs and Overwrite with mine", async ({ page, browser }) => {
  await signInThroughApi(page.request, "builder");
  const editor = new TableEditorPage(page);
  await editor.open("orders");
  const source = await acmeOpsId(page.request);
  const ids = [6, 7, 8];
  const original = await orderNotes(page.request, source, ids);
  const run = stamp();
  const mine = ids.map((id) => `Mine ${id} (${run})`);

  await editNotes(page, editor, 6, mine);
  await expect(editor.unsavedChanges()).toContainText("3 changes");

  // Someone else (the admin, in another browser context) saves order 7 first.
  const other = await browser.newContext();
  try {
    await signInThroughApi(other.request, "admin");
    const theirs = `Theirs 7 (${run})`;
    expect(await saveOrderNotes(other.request, source, 7, original[7] ?? null, theirs)).toMatchObject({ ok: true, updated: 1 });

    await editor.saveButton().click();
    const conflicts = editor.conflicts();
    await expect(conflicts).toBeVisible();
    await expect(conflicts.getByRole("alert")).toContainText("Nothing was saved: 1 row was changed by someone else");
    const conflictRow = conflicts.getByRole("table", { name: "Conflicting rows" }).getByRole("row").filter({ hasText: "id 7" });
    await expect(conflictRow).toContainText(mine[1]!);
    await expect(conflictRow).toContainText(theirs);
    await expect(await editor.cell(7, "Save")).toHaveText("Changed by someone else");
    await expect(await editor.cell(6, "Save")).toHaveText("");
    // Nothing was overwritten, and the other two edits were not saved either (one transaction).
    expect(await orderNotes(page.request, source, ids)).toEqual({ 6: original[6], 7: theirs, 8: original[8] });
    await expect(editor.unsavedChanges()).toContainText("3 changes");

    // Take theirs for order 7: my edit of it is dropped, the grid shows their value, the other two stay staged.
    await conflicts.getByRole("button", { name: "Take theirs for id 7" }).click();
    await expect(conflicts).toBeHidden();
    await expect(await editor.cell(7, "notes")).toHaveText(theirs);
    await expect(await editor.cell(7, "notes")).not.toHaveAttribute("data-edited", "true");
    await expect(editor.unsavedChanges()).toContainText("2 changes");
    await editor.saveButton().click();
    await expect(page.getByRole("status").filter({ hasText: "Saved: 2 rows updated." })).toBeVisible();
    expect(await orderNotes(page.request, source, ids)).toEqual({ 6: mine[0], 7: theirs, 8: mine[2] });

    // Second round: I edit order 7 again, they save it again first; this time I overwrite knowingly.
    const mineAgain = `Mine again 7 (${run})`;
    await editNotes(page, editor, 7, [mineAgain]);
    await expect(editor.unsavedChanges()).toContainText("1 change");
    const theirsAgain = `Theirs again 7 (${run})`;
    expect(await saveOrderNotes(other.request, source, 7, theirs, theirsAgain)).toMatchObject({ ok: true, updated: 1 });
    await editor.saveButton().click();
    await expect(conflicts).toBeVisible();
    await expect(conflicts).toContainText(theirsAgain);
    expect((await orderNotes(page.request, source, [7]))[7]).toBe(theirsAgain);
    await conflicts.getByRole("button", { name: "Overwrite with mine for id 7" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved: 1 row updated." })).toBeVisible();
    await expect(conflicts).toBeHidden();
    await expect(editor.unsavedChanges()).toBeHidden();
    await expect(await editor.cell(7, "notes")).toHaveText(mineAgain);
    expect(await orderNotes(page.request, source, ids)).toEqual({ 6: mine[0], 7: mineAgain, 8: mine[2] });
  } finally {
    await other.close();
  }
});

test("a letter in a number cell marks the cell invalid and Save stays disabled (no save is sent)", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const editor = new TableEditorPage(page);
  await editor.open("orders");
  const saves: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("tables.save")) saves.push(request.url());
  });

  const customer = await editor.cell(9, "customer_id");
  const before = await customer.innerText();
  await editor.focusCell(9, "customer_id");
  await editor.typeIntoActiveCell("12a");
  await expect(customer).toHaveAttribute("aria-invalid", "true");
  await expect(customer).toHaveAttribute("title", "Enter a whole number.");
  await expect(customer).toHaveText("12a");
  await expect(customer).toHaveAttribute("data-edited", "true");
  await expect(editor.unsavedChanges()).toContainText("1 change");
  await expect(editor.unsavedChanges()).toContainText("1 with errors: fix them before saving.");
  await expect(editor.saveButton()).toBeDisabled();

  // A valid edit next to it does not make the batch savable.
  await editor.focusCell(9, "total_cents");
  await editor.typeIntoActiveCell("12.50");
  await expect(await editor.cell(9, "total_cents")).toHaveText("$12.50");
  await expect(editor.unsavedChanges()).toContainText("2 changes");
  await expect(editor.saveButton()).toBeDisabled();
  await editor.saveButton().click({ force: true });
  await expect(editor.unsavedChanges()).toContainText("2 changes");

  // Fixing the cell enables Save again; then the edits are discarded.
  await editor.focusCell(9, "customer_id");
  await editor.typeIntoActiveCell("42");
  await expect(customer).not.toHaveAttribute("aria-invalid", "true");
  await expect(customer).toHaveText("42");
  await expect(editor.saveButton()).toBeEnabled();
  await editor.unsavedChanges().getByRole("button", { name: "Discard" }).click();
  await expect(editor.unsavedChanges()).toBeHidden();
  await expect(customer).toHaveText(before);
  expect(saves, "no tables.save request was sent").toEqual([]);
});

test("when the database is unreachable during Save the error is shown, edits are kept (also across a reload) and saved once it is back", async ({ page }) => {
  const dataDir = process.env.ROWCRAFT_E2E_DATA_DIR;
  if (!dataDir) throw new Error("ROWCRAFT_E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  const file = path.join(dataDir, "acme-ops.sqlite");
  const away = `${file}.away`;
  expect(fs.existsSync(file), `the demo database is at ${file}`).toBe(true);

  await signInThroughApi(page.request, "builder");
  const editor = new TableEditorPage(page);
  await editor.open("orders");
  const source = await acmeOpsId(page.request);
  const ids = [10, 11];
  const original = await orderNotes(page.request, source, ids);
  const run = stamp();
  const values = ids.map((id) => `Offline note ${id} (${run})`);
  await editNotes(page, editor, 10, values);
  await expect(editor.unsavedChanges()).toContainText("2 changes");

  // Take the database file away (the SQLite worker checks the file before every statement).
  fs.renameSync(file, away);
  try {
    await editor.saveButton().click();
    const error = editor.alerts().filter({ hasText: "Nothing was saved" });
    await expect(error).toContainText(`There is no SQLite database file at ${file}`);
    await expect(error).toContainText("Your changes are kept; try again.");
    await expect(editor.unsavedChanges()).toContainText("2 changes");
    await expect(editor.saveButton()).toBeEnabled();
    for (const [i, id] of ids.entries()) {
      const cell = await editor.cell(id, "notes");
      await expect(cell).toHaveText(values[i]!);
      await expect(cell).toHaveAttribute("data-edited", "true");
    }

    // A reload while it is still away: the table cannot load, but the edits are kept in this browser.
    await page.reload();
    await expect(editor.alerts().filter({ hasText: "There is no SQLite database file" })).toBeVisible({ timeout: 30_000 });
    await expect(editor.grid()).toHaveCount(0);
    const stored = await page.evaluate(() =>
      Object.keys(window.localStorage)
        // Staged edits are kept per signed-in user: rowcraft.user.<id>/rowcraft.edits.<source>.<table>.
        .filter((key) => key.startsWith("rowcraft.user.") && key.includes("/rowcraft.edits."))
        .map((key) => window.localStorage.getItem(key) ?? ""),
    );
    expect(stored.join("\n")).toContain(values[0]);
    expect(stored.join("\n")).toContain(values[1]);
  } finally {
    if (fs.existsSync(away)) fs.renameSync(away, file);
  }

  // It is back: the edits come back from the last visit and save.
  await page.reload();
  await editor.waitForRows();
  await expect(page.getByRole("status").filter({ hasText: "Restored 2 unsaved changes from your last visit." })).toBeVisible();
  for (const [i, id] of ids.entries()) {
    const cell = await editor.cell(id, "notes");
    await expect(cell).toHaveText(values[i]!);
    await expect(cell).toHaveAttribute("data-edited", "true");
  }
  expect(await orderNotes(page.request, source, ids)).toEqual(original);
  await editor.saveButton().click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: 2 rows updated." })).toBeVisible();
  await expect(editor.unsavedChanges()).toBeHidden();
  expect(await orderNotes(page.request, source, ids)).toEqual({ 10: values[0], 11: values[1] });
});
