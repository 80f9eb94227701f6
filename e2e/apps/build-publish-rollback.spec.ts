/**
 * The app builder end to end: a builder creates an app from nothing — a query with an input
 * binding, a table, a chart and a button bound to an action —, saves and publishes it, and an
 * operator uses it (the input filters the table, the button escalates the selected ticket). The
 * builder then changes it and publishes the new version, reads the diff, and rolls back by
 * publishing the first version again: the operator sees each published version, never the draft.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Role } from "@/lib/roles";
import { signInThroughApi } from "../fixtures/auth";
import { AppBuilderPage } from "../pages/app-builder-page";
import { AppPage } from "../pages/app-page";

async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext();
  await signInThroughApi(context.request, role);
  return context.newPage();
}

test("a builder creates, publishes, changes and rolls back an app; an operator uses each published version", async ({ browser }) => {
  test.setTimeout(240_000);
  const builderPage = await pageAs(browser, "builder");
  const builder = new AppBuilderPage(builderPage);
  const name = `Ticket desk ${Date.now().toString(36)}`;

  await test.step("create the app from the home page", async () => {
    await builderPage.goto("/");
    await builderPage.getByRole("button", { name: "New app" }).click();
    const dialog = builderPage.getByRole("dialog", { name: "New app" });
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByRole("button", { name: "Create app" }).click();
    await builderPage.waitForURL(/\/apps\/[a-z0-9-]+\/edit$/);
    await expect(builder.canvas()).toBeVisible();
  });
  const slug = new URL(builderPage.url()).pathname.split("/")[2] ?? "";

  await test.step("a text input, a query bound to it, a table, a chart and an action button", async () => {
    await builder.add("text input", "textInput1");
    await builder.addQuery(
      "query1",
      "SELECT id, subject, status FROM support_tickets WHERE status = 'open' AND subject LIKE '%' || {{ textInput1.value ?? '' }} || '%' ORDER BY id LIMIT 50",
      /^50 rows in/,
    );
    await builder.addQuery("query2", "SELECT status, COUNT(*) AS tickets FROM support_tickets GROUP BY status", /rows in/);
    await builder.add("table", "table1");
    await expect(builderPage.getByRole("textbox", { name: "Data" })).toContainText("{{ query1.data }}");
    await expect(builder.widget("table1").getByRole("grid")).toBeVisible();

    await builder.add("chart", "chart1");
    await builder.typeInto(builderPage.getByRole("textbox", { name: "Data" }), "{{ query2.data }}");
    await builderPage.getByLabel("Chart kind").selectOption("bar");
    await builderPage.getByLabel("X field").fill("status");
    const y = builderPage.getByLabel("Y fields");
    await y.fill("tickets");
    await y.blur();

    await builder.add("button", "button1");
    await builderPage.getByLabel("Label", { exact: true }).fill("Escalate selected");
    await builderPage.getByLabel("Action", { exact: true }).selectOption("escalate-ticket");
    await builder.typeInto(builderPage.getByRole("textbox", { name: /^ticketId/ }), "{{ table1.selectedRow.id }}");
    await builderPage.getByRole("tab", { name: /^Problems/ }).click();
    await expect(builderPage.getByText("No problems found. The app can be published.")).toBeVisible();
  });

  const first = await test.step("save and publish", async () => {
    const version = await builder.save("First version");
    await builder.publish(version);
    return version;
  });

  const operatorPage = await pageAs(browser, "operator");
  const operator = new AppPage(operatorPage);
  await test.step("an operator filters with the input and escalates the selected ticket", async () => {
    await operator.open(slug);
    await operator.waitForRows("table1");
    await expect(operator.widget("chart1").locator(".recharts-bar-rectangle").first()).toBeVisible();
    const subject = await (await operator.cell(1, "subject", "table1")).innerText();
    const word = subject.split(" ").find((part) => part.length > 4) ?? subject;
    await operatorPage.getByLabel("Search", { exact: true }).fill(word);
    await expect(operatorPage).toHaveURL(new RegExp(`textInput1=${encodeURIComponent(word)}`));
    // Every shown subject holds the word (the query runs again, debounced, while typing).
    const matching = async (): Promise<boolean> => {
      const texts = await operator.renderedColumn("subject", "table1");
      return texts.length > 0 && texts.length < 50 && texts.every((text) => text.toLowerCase().includes(word.toLowerCase()));
    };
    await expect.poll(matching).toBe(true);

    const id = await (await operator.cell(1, "id", "table1")).innerText();
    await operator.selectRows([1], "table1");
    await operatorPage.getByRole("button", { name: "Escalate selected" }).click();
    await expect(operatorPage.getByRole("status").filter({ hasText: "done." })).toContainText("Escalate ticket");
    // The escalated ticket is no longer open: the table's query ran again without it.
    await expect.poll(() => operator.renderedColumn("id", "table1")).not.toContain(id);
  });

  const second = await test.step("the builder adds a heading and publishes the new version", async () => {
    await builder.add("text", "text1");
    await builder.typeInto(builderPage.getByRole("textbox", { name: "Markdown" }), "## Open tickets for {{ currentUser.name }}");
    await builder.select("button1");
    await builderPage.getByLabel("Label", { exact: true }).fill("Escalate now");
    const version = await builder.save("Add a heading");
    await builder.publish(version);
    await operatorPage.reload();
    await expect(operatorPage.getByRole("heading", { name: /^Open tickets for / })).toBeVisible();
    return version;
  });
  expect(second).toBe(first + 1);

  await test.step("the diff between the two published versions names the change", async () => {
    await builderPage.getByRole("button", { name: "History" }).click();
    const history = builderPage.getByRole("dialog", { name: "Version history" });
    await history.getByRole("link", { name: `Compare version ${second} with version ${first}` }).click();
    await builderPage.waitForURL(new RegExp(`/apps/${slug}/versions\\?from=${first}&to=${second}`));
    await expect(builderPage.getByRole("heading", { name: `Changes from version ${first} to version ${second}` })).toBeVisible();
    await expect(builderPage.getByText("2 changes: 1 added, 0 removed, 1 changed.")).toBeVisible();
    await expect(builderPage.getByRole("listitem").filter({ hasText: "text1" })).toContainText("added");
    await expect(builderPage.getByRole("listitem").filter({ hasText: "button1" })).toContainText("Escalate selected");
    await expect(builderPage.getByRole("listitem").filter({ hasText: "button1" })).toContainText("Escalate now");
  });

  await test.step("rolling back: publishing the first version again; the operator sees it", async () => {
    await builderPage.goto(`/apps/${slug}/edit`);
    await builderPage.getByRole("button", { name: "History" }).click();
    const history = builderPage.getByRole("dialog", { name: "Version history" });
    await history.getByRole("listitem").filter({ has: builderPage.getByRole("heading", { name: `Version ${first}`, exact: true }) }).getByRole("button", { name: `Publish version ${first}` }).click();
    await builderPage.getByRole("dialog", { name: `Publish version ${first}?` }).getByRole("button", { name: "Publish", exact: true }).click();
    await expect(history.getByText(`Version ${first} is published`)).toBeVisible();
    await operatorPage.reload();
    await operator.waitForRows("table1");
    await expect(operatorPage.getByRole("heading", { name: /^Open tickets for / })).toHaveCount(0);
    await expect(operatorPage.getByText(`Version ${first}`, { exact: true })).toBeVisible();
  });
});
