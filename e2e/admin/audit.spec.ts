import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInThroughApi, signInThroughForm } from "../fixtures/auth";

test("an admin filters the audit log by outcome and day, and exports exactly that as CSV", async ({ page, browser }) => {
  const other = await browser.newContext();
  await signInThroughForm(await other.newPage(), "viewer@acme.test", "definitely-wrong");
  await other.close();

  await signInThroughApi(page.request, "admin");
  await page.goto("/admin/audit");
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Outcome").selectOption("denied");
  await page.getByLabel("From (UTC day)").fill(today);
  await page.getByLabel("To (UTC day)").fill(today);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/outcome=denied/);
  const events = page.getByRole("table", { name: "Audit events" });
  await expect(events).toContainText("wrong_credentials");
  const shown = await events.getByRole("row").count();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const lines = fs.readFileSync(file, "utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe("at,actor,action,target_type,target_id,outcome,detail");
  expect(lines.length).toBe(shown);
  expect(lines.slice(1).every((line) => line.includes(",denied,"))).toBe(true);
});

test("the CSV export refuses non-admins", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  const response = await page.request.get("/api/audit/export");
  expect(response.status()).toBe(403);
});
