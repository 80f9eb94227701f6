import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { z } from "zod";
import { createActionService, defineAction } from "@rowcraft/actions";
import { signInThroughApi } from "../fixtures/auth";

// A small action service built with the SDK, in this test's own process (not Rowcraft's).
const secret = randomUUID() + randomUUID();
const ping = defineAction({
  name: "ping-customer",
  title: "Ping customer",
  description: "Sends a ping. Test action.",
  input: z.object({ customerId: z.number().int().positive() }),
  minRole: "operator",
  target: { source: "crm", table: "customers", key: { id: "customerId" } },
  timeoutMs: 2_000,
  mode: "perRow",
  run: async ({ customerId }) => ({ customerId }),
});
const server = http.createServer(createActionService({ secret, actions: [ping] }).listener);
let url = "";

test.beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rowcraft`;
});
test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("an admin registers an action service, sees its actions, refreshes and removes it; the secret never reaches the page", async ({ page }) => {
  await signInThroughApi(page.request, "admin");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Action services" }).click();
  await expect(page.getByRole("heading", { name: "Action services", level: 1 })).toBeVisible();

  await page.getByLabel("Name").fill("crm");
  await page.getByLabel("Endpoint URL").fill(url);
  await page.getByLabel("Shared secret").fill("too-short");
  await page.getByRole("button", { name: "Register service" }).click();
  await expect(page.getByText("The shared secret needs at least 32 characters")).toBeVisible();

  await page.getByLabel("Shared secret").fill("w".repeat(40));
  await page.getByRole("button", { name: "Register service" }).click();
  await expect(page.getByRole("alert").filter({ hasText: 'The action service "crm" refused Rowcraft\'s signature' })).toContainText("check that the secret registered in Rowcraft is the service's");

  await page.getByLabel("Shared secret").fill(secret);
  await page.getByRole("button", { name: "Register service" }).click();
  await expect(page.getByRole("status")).toHaveText("Registered crm with 1 action.");
  const actions = page.getByRole("table", { name: "Actions of crm" });
  await expect(actions.getByRole("row", { name: /crm\.ping-customer/ })).toContainText("crm · customers (id)");
  await expect(page.getByLabel("Action service crm")).toContainText("Reachable");

  await page.getByRole("button", { name: "Refresh manifest of crm" }).click();
  await expect(page.getByRole("status").filter({ hasText: "crm: nothing changed." })).toBeVisible();
  await page.reload();
  expect(await page.content()).not.toContain(secret);

  await page.getByRole("button", { name: "Remove crm" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove service" }).click();
  await expect(page.getByText("No action services yet")).toBeVisible();
});

test("action services are for admins only", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  await page.goto("/admin/action-services");
  await expect(page.getByText("You don't have access to this page")).toBeVisible();
  await expect(page.getByLabel("Shared secret")).toHaveCount(0);
});
