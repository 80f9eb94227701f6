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

test("the home page tells a builder what to do next, and the demo source is listed", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  await page.goto("/");
  await expect(page.getByText("No apps yet")).toBeVisible();
  await page.getByRole("link", { name: "See the connected data sources" }).click();
  const table = page.getByRole("table", { name: "Data sources" });
  await expect(table.getByRole("row", { name: /Acme Ops/ })).toContainText("SQLite");
  await expect(table).not.toContainText("password");
});
