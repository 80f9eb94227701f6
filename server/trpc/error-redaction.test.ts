import { describe, expect, it } from "vitest";
import { redactServerPaths } from "@/server/trpc/error-redaction";

describe("redactServerPaths", () => {
  it("keeps only the file name of absolute server paths", () => {
    expect(redactServerPaths("All connections to /srv/rowcraft/data/acme-ops.sqlite stayed busy for 5 s.")).toBe("All connections to acme-ops.sqlite stayed busy for 5 s.");
    expect(redactServerPaths("open '/tmp/rowcraft-meta-x1/rowcraft.db' failed")).toBe("open 'rowcraft.db' failed");
  });

  it("leaves URLs, relative names and ordinary words alone", () => {
    const text = "See https://docs.acme.test/a/b and data/x.db; 3/4 done; and/or either.";
    expect(redactServerPaths(text)).toBe(text);
  });
});
