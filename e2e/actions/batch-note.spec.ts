/**
 * A batch action from the table editor: "Add note to orders" takes the whole selection as one
 * list (orderIds ← id, suggested), the note is typed once for the run, and one invocation
 * notes both orders; the outcome is a notice and the grid's status column. Uses the two newest
 * cancelled orders, which no other spec touches.
 */
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { ActionRunPage } from "../pages/action-run-page";
import { notesOf } from "./api";

test("add one note to two orders in one invocation: the selection becomes a list", async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughApi(page.request, "builder");
  const editor = new ActionRunPage(page);
  await editor.open("orders");
  await editor.filterOneOf("status", ["cancelled"]);
  await editor.sortBy("id", "descending");
  const ids = [Number(await (await editor.cell(1, "id")).innerText()), Number(await (await editor.cell(2, "id")).innerText())];
  await editor.selectRows([1, 2]);

  await editor.runActionButton().click();
  const dialog = editor.dialog("Run an action on 2 rows of orders");
  await dialog.getByRole("radio", { name: "Add note to orders" }).check();
  const orderIds = editor.mapping(dialog, "orderIds");
  await expect(orderIds.getByLabel("Source")).toHaveValue("column");
  await expect(orderIds.getByLabel("Column")).toHaveValue("id");
  await expect(editor.mapping(dialog, "note").getByLabel("Source")).toHaveValue("runtime");
  const note = `Called the customer (${Date.now().toString(36)})`;
  await editor.runtimeValue(dialog, "note").fill(note);
  // A double click runs the action once.
  await dialog.getByRole("button", { name: "Run once on 2 rows" }).dblclick();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole("status").filter({ hasText: "Add note to orders: done once for 2 rows." })).toBeVisible();
  await expect(page.getByText("it had already run with this input")).toHaveCount(0);
  await expect(await editor.cell(1, "Add note to orders")).toHaveText("Done");
  await expect(await editor.cell(2, "Add note to orders")).toHaveText("Done");
  const notes = await notesOf(page.request, ids);
  for (const id of ids) expect(notes[id]?.split(note).length, `notes of order ${id}`).toBe(2);
});
