/**
 * The table editor's view on the demo `orders` table: "select all" under a filter counts the
 * matching rows, sort + filter live in the URL (a reload shows the same view), and CSV export
 * downloads every matching row.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { TableEditorPage } from "../pages/table-editor-page";
import { acmeOpsId, readRows } from "./api";

async function refundedCount(request: Parameters<typeof acmeOpsId>[0]): Promise<number> {
  const [row] = await readRows<{ n: number | string }>(request, await acmeOpsId(request), "select count(*) as n from orders where status = 'refunded'");
  return Number(row?.n);
}

/** RFC 4180 records (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

test("select all under a filter selects exactly the matching rows", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const editor = new TableEditorPage(page);
  await editor.open("orders");
  expect(await editor.rowCount()).toBe(100_000);
  const expected = await refundedCount(page.request);
  expect(expected).toBeGreaterThan(1_000);

  await editor.filterOneOf("status", ["refunded"]);
  await expect.poll(() => editor.rowCount()).toBe(expected);
  await expect(await editor.cell(1, "status")).toHaveText("refunded");
  await expect(page.getByText(`${expected.toLocaleString("en-US")} rows (filtered from 100,000)`)).toBeVisible();
  expect(await editor.selectedCount()).toBe(0);

  await editor.grid().getByRole("checkbox", { name: "Select all rows" }).check();
  await expect(editor.selectedSummary()).toContainText(`${expected.toLocaleString("en-US")} selected`);
  expect(await editor.selectedCount()).toBe(expected);
  expect(await editor.rowCount()).toBe(expected);
  await expect(editor.row(1)).toHaveAttribute("aria-selected", "true");
  await expect(editor.row(2)).toHaveAttribute("aria-selected", "true");

  // One row unticked: one fewer, and the header box is no longer "all".
  await editor.row(2).getByRole("checkbox", { name: "Select row 2" }).uncheck();
  await expect(editor.selectedSummary()).toContainText(`${(expected - 1).toLocaleString("en-US")} selected`);
  await expect(editor.grid().getByRole("checkbox", { name: "Select all rows" })).not.toBeChecked();
});

test("sort and filter are kept in the URL: a reload shows the same view, and CSV export has every matching row", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const editor = new TableEditorPage(page);
  await editor.open("orders");
  const expected = await refundedCount(page.request);

  await editor.sortBy("total_cents", "descending");
  await editor.filterOneOf("status", ["refunded"]);
  await expect.poll(() => editor.rowCount()).toBe(expected);
  await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("total_cents:desc");
  expect(JSON.parse(new URL(page.url()).searchParams.get("f.status") ?? "null")).toEqual({ kind: "oneOf", values: ["refunded"] });

  const firstRows = async () => {
    const rows: { id: string; total: string; status: string }[] = [];
    for (let n = 1; n <= 5; n++) {
      rows.push({
        id: await (await editor.cell(n, "id")).innerText(),
        total: await (await editor.cell(n, "total_cents")).innerText(),
        status: await (await editor.cell(n, "status")).innerText(),
      });
    }
    return rows;
  };
  const before = await firstRows();
  const cents = (money: string) => Math.round(Number(money.replace(/[$,]/g, "")) * 100);
  for (let i = 1; i < before.length; i++) expect(cents(before[i - 1]!.total)).toBeGreaterThanOrEqual(cents(before[i]!.total));
  expect(before.every((row) => row.status === "refunded")).toBe(true);

  await page.reload();
  await editor.waitForRows();
  await expect(editor.columnHeader("total_cents")).toHaveAttribute("aria-sort", "descending");
  await expect(editor.columnHeader("status")).toHaveAttribute("aria-sort", "none");
  await expect(editor.columnHeader("status").getByRole("button", { name: /filtered: is refunded/ })).toBeVisible();
  await expect.poll(() => editor.rowCount()).toBe(expected);
  expect(await firstRows()).toEqual(before);

  // The export is the whole view (every matching row, not the rendered window), in view order.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const file = await download.path();
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const records = parseCsv(text).filter((record) => record.length > 1 || record[0] !== "");
  const [header, ...rows] = records;
  expect(header).toEqual(["id", "customer_id", "status", "total_cents", "currency", "placed_at", "updated_at", "notes"]);
  expect(rows).toHaveLength(expected);
  expect(rows.every((row) => row[2] === "refunded")).toBe(true);
  expect(rows.slice(0, 5).map((row) => row[0])).toEqual(before.map((row) => row.id));
  // Raw values under raw names: total_cents holds the cents the database has, not dollars.
  expect(rows.slice(0, 5).map((row) => row[3])).toEqual(before.map((row) => String(cents(row.total))));

  // The formatted export says so in its headers and values.
  const formattedDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export formatted" }).click();
  const formatted = parseCsv(fs.readFileSync(await (await formattedDownload).path(), "utf8").replace(/^\uFEFF/, ""));
  expect(formatted[1]?.[3]).toBe(before[0]!.total);
});
