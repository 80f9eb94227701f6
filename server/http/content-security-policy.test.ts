import { describe, expect, it } from "vitest";
import { pageContentSecurityPolicy } from "@/server/http/content-security-policy";

describe("pageContentSecurityPolicy", () => {
  it("allows scripts only with this request's nonce, and images only from our origin by default", () => {
    const policy = pageContentSecurityPolicy({ nonce: "abc123", isDev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("img-src 'self' data: blob:;");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("adds only well-formed https image hosts from ROWCRAFT_CSP_IMG_SRC", () => {
    const policy = pageContentSecurityPolicy({ nonce: "n", isDev: false, extraImageSources: "https://cdn.acme.test *; script-src * http://plain.test", secure: true });
    expect(policy).toContain("img-src 'self' data: blob: https://cdn.acme.test;");
    expect(policy).not.toMatch(/\* |plain\.test/);
    expect(policy).toContain("upgrade-insecure-requests");
  });
});
