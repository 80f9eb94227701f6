import { expect, test } from "@playwright/test";
import { demoUser, signInThroughApi, signInThroughForm } from "../fixtures/auth";
import { DEMO_PASSWORD } from "@/server/seed/demo-users";

test("an anonymous visitor is sent to sign-in", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a wrong password shows a clear message and keeps the email", async ({ page }) => {
  await signInThroughForm(page, demoUser("builder").email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText("That email and password do not match an active account.");
  await expect(page.getByLabel("Email")).toHaveValue(demoUser("builder").email);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("signs in through the form, then signs out", async ({ page }) => {
  await signInThroughForm(page, demoUser("operator").email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Apps" })).toBeVisible();
  await expect(page.getByText(demoUser("operator").email)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a viewer's direct request to an admin procedure is refused by the server", async ({ page }) => {
  await signInThroughApi(page.request, "viewer");
  const list = await page.request.get("/api/trpc/users.list");
  expect(list.status()).toBe(403);
  expect(await list.text()).toContain("FORBIDDEN");
  const create = await page.request.post("/api/trpc/users.create", {
    data: { json: { email: "sneaky@acme.test", name: "Sneaky", role: "admin", password: "a-long-password" } },
    headers: { "content-type": "application/json" },
  });
  expect(create.status()).toBe(403);
});

test("a cross-site form post to a mutation is refused", async ({ page }) => {
  await signInThroughApi(page.request, "admin");
  const response = await page.request.post("/api/trpc/users.create", {
    form: { email: "csrf@acme.test" },
  });
  expect(response.status()).toBe(415);
});
