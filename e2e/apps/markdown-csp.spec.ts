/**
 * Pages carry a nonce-based Content-Security-Policy and still work under it; markdown bound
 * to data shows an image from another website as a link and never requests it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { trpcMutation } from "../table-editor/api";
import { AppPage } from "../pages/app-page";

const slug = `markdown-csp-${Date.now().toString(36)}`;
const hits: string[] = [];
let tracker: http.Server;
let trackerUrl = "";

test.beforeAll(async ({ browser }) => {
  // A "remote website" on another origin that records every request it gets.
  tracker = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    response.writeHead(200, { "content-type": "image/gif" }).end();
  });
  await new Promise<void>((resolve) => tracker.listen(0, "127.0.0.1", resolve));
  trackerUrl = `http://127.0.0.1:${(tracker.address() as AddressInfo).port}`;

  const document = {
    id: "set-by-the-server",
    name: "Markdown from data",
    slug,
    queries: [{ id: "note", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql: `SELECT 'Customer note: ![pixel](${trackerUrl}/pixel.gif) see [details](${trackerUrl}/page)' AS md` }],
    pages: [{ id: "main", name: "Main", widgets: [{ id: "noteText", type: "text", layout: { x: 0, y: 0, w: 12, h: 2 }, props: { markdown: "{{ note.data[0].md }}" } }] }],
  };
  const context = await browser.newContext();
  await signInThroughApi(context.request, "builder");
  const created = await trpcMutation<{ id: string }>(context.request, "apps.create", { name: "Markdown from data", slug });
  const saved = await trpcMutation<{ version: number }>(context.request, "apps.save", { appId: created.id, baseVersion: 1, document, message: "markdown from a query" });
  await trpcMutation(context.request, "apps.publish", { appId: created.id, version: saved.version });
  await context.close();
});

test.afterAll(async () => {
  await new Promise((resolve) => tracker.close(resolve));
});

test("every page and API answer carries a Content-Security-Policy; pages get a fresh nonce each time", async ({ page }) => {
  const first = await page.goto("/sign-in");
  const policy = first?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("img-src 'self' data: blob:;");
  const second = await page.goto("/sign-in");
  expect(second?.headers()["content-security-policy"]).not.toBe(policy);
  const api = await page.request.get("/api/trpc/auth.me");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("a data-bound markdown image from another website is shown as a link and never requested; the app works under the policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInThroughApi(page.request, "operator");
  const app = new AppPage(page);
  await app.open(slug);
  const placeholder = page.getByRole("link", { name: "[image: pixel]" });
  await expect(placeholder).toBeVisible();
  await expect(placeholder).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(page.getByRole("link", { name: "details" })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(page.locator(`img[src^="${trackerUrl}"]`)).toHaveCount(0);
  expect(hits).toEqual([]);
  expect(violations).toEqual([]);
});
