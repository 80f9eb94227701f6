// The new:action scaffold: names are checked, two files are written (never over existing ones),
// and the index the registry reads lists the new action at once.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseArgs, scaffoldAction } from "./new-action.mjs";

fs.mkdirSync(".cache", { recursive: true });
const root = fs.mkdtempSync(path.join(process.cwd(), ".cache", "new-action-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("npm run new:action", () => {
  it("wants <folder>/<name> in kebab-case", () => {
    expect(parseArgs(["helpdesk/close-ticket"])).toEqual({ folder: "helpdesk", name: "close-ticket", postgres: false, source: "helpdesk" });
    expect(parseArgs(["helpdesk/close-ticket", "--postgres", "--source", "support-db"])).toMatchObject({ postgres: true, source: "support-db" });
    expect(parseArgs(["CloseTicket"]).error).toMatch(/kebab-case/);
    expect(parseArgs(["close-ticket"]).error).toMatch(/folder/);
    expect(parseArgs([]).error).toMatch(/Usage/);
  });

  it("writes the action and its test, lists it in the index, and never overwrites", () => {
    const files = scaffoldAction(root, { folder: "helpdesk", name: "close-ticket", postgres: false, source: "helpdesk" });
    expect(files.map((file) => path.relative(root, file))).toEqual(["helpdesk/close-ticket.ts", "helpdesk/close-ticket.test.ts"]);
    expect(fs.readFileSync(files[0] ?? "", "utf8")).toContain('export const closeTicket = defineAction({');
    expect(fs.readFileSync(path.join(root, "index.generated.ts"), "utf8")).toContain('"helpdesk/close-ticket.ts"');
    expect(() => scaffoldAction(root, { folder: "helpdesk", name: "close-ticket", postgres: false, source: "helpdesk" })).toThrow(/already exists/);
    const pg = scaffoldAction(root, { folder: "billing", name: "void-invoice", postgres: true, source: "billing" });
    expect(pg.map((file) => path.basename(file))).toEqual(["void-invoice.ts", "void-invoice.int.test.ts"]);
    expect(fs.readFileSync(pg[0] ?? "", "utf8")).toContain("WHERE id = $1");
  });
});
