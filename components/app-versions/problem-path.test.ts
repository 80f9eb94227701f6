// Problem paths in words: named when the document is known, positions otherwise.
import { describe, expect, it } from "vitest";
import { appDocumentSchema } from "@/lib/app-document";
import { orderDeskApp } from "@/lib/app-document/demo-apps";
import { describeProblemPath } from "./problem-path";

const document = appDocumentSchema.parse(structuredClone(orderDeskApp));

describe("describeProblemPath", () => {
  it("names widgets, pages and queries from the document", () => {
    expect(describeProblemPath("pages[0].widgets[4].props.data", document)).toBe("Widget ordersTable → props.data");
    expect(describeProblemPath("pages[0].name", document)).toBe("Page Orders → name");
    expect(describeProblemPath("queries[1].sql", document)).toBe("Query lateShipments → sql");
  });

  it("gives positions without the document", () => {
    expect(describeProblemPath("pages[0].widgets[2].props.data")).toBe("Widget 3 on page 1 → props.data");
    expect(describeProblemPath("queries[0]")).toBe("Query 1");
  });

  it("describes the app's own fields, permissions and the whole document", () => {
    expect(describeProblemPath("slug", document)).toBe("App → slug");
    expect(describeProblemPath("permissions.use.users[0]", document)).toBe("Permissions → use.users[0]");
    expect(describeProblemPath("", document)).toBe("The app document");
  });
});
