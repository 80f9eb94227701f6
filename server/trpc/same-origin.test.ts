import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "@/server/trpc/same-origin";

const url = "http://localhost:3000/api/trpc/users.create";
const post = (headers: Record<string, string>) => new Request(url, { method: "POST", headers, body: "{}" });

describe("crossSiteRefusal", () => {
  it("lets queries through", () => {
    expect(crossSiteRefusal(new Request(url))).toBeNull();
  });
  it("accepts a same-origin JSON POST", () => {
    expect(crossSiteRefusal(post({ "content-type": "application/json", origin: "http://localhost:3000", host: "localhost:3000" }))).toBeNull();
  });
  it("refuses a form-encoded POST", () => {
    expect(crossSiteRefusal(post({ "content-type": "application/x-www-form-urlencoded", host: "localhost:3000" }))?.status).toBe(415);
  });
  it("refuses a JSON POST from another origin", () => {
    expect(crossSiteRefusal(post({ "content-type": "application/json", origin: "http://evil.test", host: "localhost:3000" }))?.status).toBe(403);
  });
});
