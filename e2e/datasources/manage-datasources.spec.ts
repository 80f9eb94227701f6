import pg from "pg";
import { expect, test } from "@playwright/test";
import { signInThroughApi } from "../fixtures/auth";
import { createPostgresTestDatabase, type TestDatabase } from "@/server/testing/external-databases";

let database: TestDatabase;
test.beforeAll(async () => {
  database = await createPostgresTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("CREATE TABLE accounts (id serial PRIMARY KEY, owner text NOT NULL, balance_cents bigint NOT NULL)");
  await client.query("INSERT INTO accounts (owner, balance_cents) VALUES ('O''Brien', 1250), ('Zoë', 99)");
  await client.end();
});
test.afterAll(async () => {
  await database.drop();
});

const PASSWORD = "pg-secret-never-shown";

test("an admin connects PostgreSQL, tests it, sees its schema, and the password never reaches the browser", async ({ page }) => {
  const responses: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/api/trpc") || response.request().resourceType() === "document") responses.push(await response.text().catch(() => ""));
  });
  await signInThroughApi(page.request, "admin");
  await page.goto("/data-sources");
  await page.getByRole("link", { name: "Add data source" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Ledger");
  await page.getByLabel("Kind").selectOption("postgres");
  await page.getByLabel("Host").fill("127.0.0.1");
  await page.getByLabel("Port").fill("1");
  await page.getByLabel("Database", { exact: true }).fill(database.name);
  await page.getByLabel("User").fill("postgres");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("SSL mode").selectOption("disable");

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing accepted the connection" })).toBeVisible();
  await page.getByLabel("Port").fill("5432");
  await page.getByLabel("Database", { exact: true }).fill("no_such_database_here");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: 'no database named "no_such_database_here"' })).toBeVisible();
  await page.getByLabel("Database", { exact: true }).fill(database.name);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Connected in \d+ ms/ })).toBeVisible();

  await page.getByRole("button", { name: "Add data source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ledger" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByText("Leave blank to keep the stored password.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Tables" })).toContainText("public.accounts");

  // Saving again without typing the password keeps it working.
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Connected in/ })).toBeVisible();

  // Pointing the source elsewhere needs the password typed again (the server refuses it too).
  await page.getByLabel("Port").fill("5433");
  await expect(page.getByText("Enter the password again: the connection details changed.")).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Connected in/ })).toBeHidden();
  await page.getByLabel("Port").fill("5432");
  await expect(page.getByText("Enter the password again: the connection details changed.")).toBeHidden();

  expect(responses.length).toBeGreaterThan(3);
  for (const body of responses) expect(body).not.toContain(PASSWORD);
});

test("a builder queries the new PostgreSQL source with a bound value", async ({ page }) => {
  await signInThroughApi(page.request, "builder");
  await page.goto("/data-sources");
  const link = page.getByRole("link", { name: "Query Ledger" });
  const sourceId = new URL((await link.getAttribute("href")) ?? "", "http://x").searchParams.get("source");
  await link.click();
  await expect(page.getByRole("combobox", { name: "Data source" })).toHaveValue(sourceId ?? "missing");
  const editor = page.getByRole("textbox", { name: "SQL" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("select owner, balance_cents from accounts where owner = {{ who }}");
  await page.getByLabel("{{ who }}").fill("O'Brien");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const results = page.getByRole("grid", { name: "Query results" });
  await expect(results.getByRole("row").nth(1)).toContainText("O'Brien");
  await expect(results).toHaveAttribute("aria-rowcount", "2");
});

test("an admin removes the source after confirming", async ({ page }) => {
  await signInThroughApi(page.request, "admin");
  await page.goto("/data-sources");
  await page.getByRole("link", { name: "Ledger", exact: true }).click();
  await page.getByRole("button", { name: "Remove data source" }).click();
  await expect(page.getByRole("dialog", { name: "Remove Ledger?" })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(page).toHaveURL(/\/data-sources$/);
  await expect(page.getByRole("table", { name: "Data sources" })).not.toContainText("Ledger");
});
