// `npm run new:action -- <folder>/<name> [--postgres] [--source <data source>]`: scaffolds an
// action in the engineers' folder — actions/<folder>/<name>.ts and its test — and refreshes the
// index the registry reads. The test runs the action on a real database: an SQLite file (unit
// test, `<name>.test.ts`) or, with --postgres, a fresh database on your PostgreSQL
// (integration test, `<name>.int.test.ts`). Both pass as generated; then make them yours.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const title = (name) => name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, " ");

/** The parsed command line, or an error message. */
export function parseArgs(argv) {
  const positional = [];
  let postgres = false;
  let source = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--postgres") postgres = true;
    else if (arg === "--source") source = argv[++i] ?? null;
    else positional.push(arg);
  }
  const [spec] = positional;
  if (!spec || positional.length > 1) return { error: "Usage: npm run new:action -- <folder>/<name> [--postgres] [--source <data source>]   e.g. helpdesk/close-ticket" };
  const parts = spec.split("/");
  const name = parts.pop();
  const folder = parts.join("/");
  if (!NAME.test(name)) return { error: `"${name}" is not a kebab-case name; try something like close-ticket.` };
  if (!folder || !parts.every((part) => NAME.test(part))) return { error: `Put the action in a folder for its system, in kebab-case: helpdesk/${name}.` };
  return { folder, name, postgres, source: source ?? folder };
}

function actionFile({ name, postgres, source }) {
  const p = (n) => (postgres ? `$${n}` : "?");
  return `/**
 * ${title(name)}: TODO say in a sentence what it changes, and when it refuses.
 */
import { z } from "zod";
import { ActionError, defineAction } from "@/server/actions/define-action";

export const ${camel(name)} = defineAction({
  name: "${name}",
  title: "${title(name)}",
  description: "Marks an item done. Refuses items that are already done.",
  // What it acts on: the data source (by a stable name; an admin maps it to a connected source),
  // the table, and which input field carries each key column of the rows it changes.
  target: { source: "${source}", table: "items", key: { id: "itemId" } },
  input: z.object({ itemId: z.number().int().positive().describe("Item id (items.id)") }),
  output: z.object({ itemId: z.number(), status: z.string() }),
  minRole: "operator",
  timeoutMs: 10_000,
  mode: "perRow",
  run: async (input, ctx) => {
    const db = await ctx.datasource(); // the target's source
    return ctx.idempotent(db, async (tx) => {
      const item = (await tx.query("SELECT status FROM items WHERE id = ${p(1)}", [input.itemId])).rows[0];
      if (!item) throw new ActionError(\`Item \${input.itemId} does not exist.\`);
      if (item.status === "done") throw new ActionError(\`Item \${input.itemId} is already done.\`);
      await tx.query("UPDATE items SET status = 'done' WHERE id = ${p(1)}", [input.itemId]);
      return { itemId: input.itemId, status: "done" };
    });
  },
});
`;
}

function testFile({ name, postgres, source }) {
  const fn = camel(name);
  const setup = `CREATE TABLE items (id INTEGER PRIMARY KEY, status TEXT NOT NULL); INSERT INTO items (id, status) VALUES (1, 'open'), (2, 'done');`;
  if (postgres) {
    return `// ${title(name)} on a real PostgreSQL database (a fresh one per run, dropped afterwards).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, okResult } from "@/server/actions/testing/action-testbed";
import { createPostgresActionTestbed, type PostgresActionTestbed } from "@/server/actions/testing/postgres-testbed";
import { ${fn} } from "./${name}";

let bed: PostgresActionTestbed;
beforeAll(async () => void (bed = await createPostgresActionTestbed({ source: "${source}", setup: "${setup}" })));
afterAll(() => bed.close());

describe("${name}", () => {
  it("marks an open item done, once per key", async () => {
    expect(okResult(await bed.invoke(${fn}, { itemId: 1 }, { key: "k1" }))).toEqual({ itemId: 1, status: "done" });
    expect((await bed.invoke(${fn}, { itemId: 1 }, { key: "k1" })).outcome).toMatchObject({ status: "ok", replayed: true });
    expect(await bed.query("SELECT status FROM items WHERE id = 1")).toEqual([{ status: "done" }]);
  });

  it("refuses items that are done or missing, with a message for operators", async () => {
    expect(failure(await bed.invoke(${fn}, { itemId: 2 }))).toEqual({ kind: "domain", error: "Item 2 is already done." });
    expect(failure(await bed.invoke(${fn}, { itemId: 99 }))).toEqual({ kind: "domain", error: "Item 99 does not exist." });
    expect(failure(await bed.invoke(${fn}, { itemId: "x" })).kind).toBe("invalid_input");
  });
});
`;
  }
  return `// ${title(name)} on a real SQLite database made for the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionTestbed, failure, okResult, type ActionTestbed } from "@/server/actions/testing/action-testbed";
import { ${fn} } from "./${name}";

let bed: ActionTestbed;
beforeAll(() => void (bed = createActionTestbed({ source: "${source}", sqlite: "${setup}" })));
afterAll(() => bed.close());

describe("${name}", () => {
  it("marks an open item done, once per key", async () => {
    expect(okResult(await bed.invoke(${fn}, { itemId: 1 }, { key: "k1" }))).toEqual({ itemId: 1, status: "done" });
    expect((await bed.invoke(${fn}, { itemId: 1 }, { key: "k1" })).outcome).toMatchObject({ status: "ok", replayed: true });
    expect(bed.value("SELECT status FROM items WHERE id = 1")).toBe("done");
  });

  it("refuses items that are done or missing, with a message for operators", async () => {
    expect(failure(await bed.invoke(${fn}, { itemId: 2 }))).toEqual({ kind: "domain", error: "Item 2 is already done." });
    expect(failure(await bed.invoke(${fn}, { itemId: 99 }))).toEqual({ kind: "domain", error: "Item 99 does not exist." });
    expect(failure(await bed.invoke(${fn}, { itemId: "x" })).kind).toBe("invalid_input");
  });
});
`;
}

/** Writes the two files under `root` (the actions/ folder); refuses to overwrite. Returns their paths. */
export function scaffoldAction(root, options) {
  const dir = path.join(root, options.folder);
  const files = [
    [path.join(dir, `${options.name}.ts`), actionFile(options)],
    [path.join(dir, `${options.name}.${options.postgres ? "int.test" : "test"}.ts`), testFile(options)],
  ];
  const existing = files.find(([file]) => fs.existsSync(file));
  if (existing) throw new Error(`${path.relative(process.cwd(), existing[0])} already exists; choose another name or delete it first.`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, content] of files) fs.writeFileSync(file, content);
  createRequire(import.meta.url)("./discover-actions.cjs").writeActionsIndex(root);
  return files.map(([file]) => file);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed.error) {
    console.error(parsed.error);
    process.exit(1);
  }
  try {
    const files = scaffoldAction(path.resolve("actions"), parsed);
    console.log(`Created:\n${files.map((file) => `  ${path.relative(process.cwd(), file)}`).join("\n")}`);
    const test = path.relative(process.cwd(), files[1]);
    console.log(`\nNext: adapt both files to your table, then run  npx vitest run --project ${parsed.postgres ? "integration" : "unit"} ${test}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
