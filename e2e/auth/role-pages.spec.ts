import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import type { Role } from "@/lib/roles";

const PAGES = [
  { path: "/", heading: "Apps", minimum: "viewer" },
  { path: "/data-sources", heading: "Data sources", minimum: "builder" },
  { path: "/admin/users", heading: "Users & roles", minimum: "admin" },
  { path: "/admin/audit", heading: "Audit log", minimum: "admin" },
] as const;
const RANK: Record<Role, number> = { viewer: 0, operator: 1, builder: 2, admin: 3 };

for (const role of ["viewer", "operator", "builder", "admin"] as const) {
  test(`${role} sees exactly the pages for their role`, async ({ page }) => {
    await signInThroughApi(page.request, role);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const target of PAGES) {
      const allowed = RANK[role] >= RANK[target.minimum];
      await expect(nav.getByRole("link", { name: target.heading })).toHaveCount(allowed ? 1 : 0);
      await page.goto(target.path);
      if (allowed) {
        await expect(page.getByRole("heading", { level: 1, name: target.heading })).toBeVisible();
      } else {
        await expect(page.getByText("You don't have access to this page")).toBeVisible();
        await expect(page.getByRole("heading", { level: 1, name: target.heading })).toHaveCount(0);
      }
    }
  });
}

test("the home page lists the published demo apps — with Edit, New app and Import for a builder only — and the demo source is listed", async ({ page, browser }) => {
  await signInThroughApi(page.request, "builder");
  await page.goto("/");
  const apps = page.getByRole("list", { name: "Apps" });
  for (const name of ["Order desk", "Ops dashboard"]) {
    const card = apps.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(card).toContainText("Published v1");
    await expect(card.getByRole("link", { name: "Edit" })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "New app" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import app" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data sources" }).click();
  const table = page.getByRole("table", { name: "Data sources" });
  await expect(table.getByRole("row", { name: /Acme Ops/ })).toContainText("SQLite");
  await expect(table).not.toContainText("password");

  const operator = await browser.newContext();
  await signInThroughApi(operator.request, "operator");
  const operatorPage = await operator.newPage();
  await operatorPage.goto("/");
  await expect(operatorPage.getByRole("link", { name: "Order desk", exact: true })).toBeVisible();
  await expect(operatorPage.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(operatorPage.getByRole("button", { name: "New app" })).toHaveCount(0);
  await operator.close();
});
