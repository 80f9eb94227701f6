/**
 * Staged (unsaved) table edits belong to the person who made them: they are kept in this
 * browser under that user, removed on sign-out, and never shown to the next person who signs
 * in on the same browser — even when the first one never signed out.
 */
import { expect, test, type Page } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { TableEditorPage } from "../pages/table-editor-page";

async function stageNote(page: Page, editor: TableEditorPage, rowId: number, text: string): Promise<void> {
  await editor.open("orders");
  await editor.focusCell(rowId, "id");
  await page.keyboard.press("End");
  await editor.typeIntoActiveCell(text);
  await expect(await editor.cell(rowId, "notes")).toHaveText(text);
}

const rowcraftKeys = (page: Page) => page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith("rowcraft")));

test("the next person on the browser does not see the previous person's staged edits", async ({ page, context }) => {
  const editor = new TableEditorPage(page);
  const draft = `Draft by the builder ${Date.now().toString(36)}`;
  await signInThroughApi(page.request, "builder");
  await stageNote(page, editor, 11, draft);
  expect((await rowcraftKeys(page)).some((key) => key.startsWith("rowcraft.user."))).toBe(true);

  // The builder walks away without signing out; their session ends and an admin signs in here.
  await context.clearCookies();
  await signInThroughApi(page.request, "admin");
  await editor.open("orders");
  await expect(await editor.cell(11, "notes")).not.toHaveText(draft);
  await expect(page.getByText(/Restored \d+ unsaved changes/)).toBeHidden();
});

test("signing out removes Rowcraft's drafts from the browser", async ({ page }) => {
  const editor = new TableEditorPage(page);
  await signInThroughApi(page.request, "builder");
  await stageNote(page, editor, 12, `Draft to forget ${Date.now().toString(36)}`);
  expect(await rowcraftKeys(page)).not.toEqual([]);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await rowcraftKeys(page)).toEqual([]);
});
