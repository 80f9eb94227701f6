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

describe("crossSiteRefusal and proxy headers", () => {
  it("does not believe X-Forwarded-Host: an Origin matching only that header is refused", () => {
    const forged = post({ "content-type": "application/json", origin: "http://evil.test", host: "localhost:3000", "x-forwarded-host": "evil.test" });
    expect(crossSiteRefusal(forged, undefined)?.status).toBe(403);
  });
  it("accepts the origin of the configured public URL when a proxy rewrote Host", () => {
    const proxied = post({ "content-type": "application/json", origin: "https://rowcraft.acme.test", host: "127.0.0.1:3000" });
    expect(crossSiteRefusal(proxied, "https://rowcraft.acme.test/")).toBeNull();
    expect(crossSiteRefusal(proxied, undefined)?.status).toBe(403);
  });
});
