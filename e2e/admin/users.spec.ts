import { expect, test } from "@playwright/test";
import { signInThroughApi, signInThroughForm } from "../fixtures/auth";

test("an admin creates a user, changes their role, deactivates them, and it is all audited", async ({ page, browser }) => {
  await signInThroughApi(page.request, "admin");
  await page.goto("/admin/users");
  await page.getByLabel("Name", { exact: true }).fill("Grace Ops");
  await page.getByLabel("Email").fill("grace.ops@acme.test");
  await page.getByLabel("Role", { exact: true }).selectOption("operator");
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("grace.ops@acme.test");

  await page.getByLabel("Initial password").fill("grace-password-1");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toHaveText("Added grace.ops@acme.test.");
  const row = page.getByRole("row", { name: /grace\.ops@acme\.test/ });
  await expect(row).toContainText("Active");

  await row.getByLabel("Role of grace.ops@acme.test").selectOption("builder");
  await expect(row.getByLabel("Role of grace.ops@acme.test")).toHaveValue("builder");

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInThroughForm(otherPage, "grace.ops@acme.test", "grace-password-1");
  await expect(otherPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data sources" })).toBeVisible();

  await row.getByRole("button", { name: /Deactivate/ }).click();
  await expect(row).toContainText("Deactivated");
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in$/);
  await other.close();

  await page.goto("/admin/audit?actor=admin%40acme.test&action=user.");
  const events = page.getByRole("table", { name: "Audit events" });
  await expect(events).toContainText("user.create");
  await expect(events).toContainText("user.set_role");
  await expect(events).toContainText("user.set_active");
});
