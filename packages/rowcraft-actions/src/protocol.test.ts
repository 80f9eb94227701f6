import { describe, expect, it } from "vitest";
import { REPLAY_WINDOW_MS, signPayload, signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from "./protocol.ts";

const SECRET = "s".repeat(40);
const OTHER = "o".repeat(40);
const NOW = 1_800_000_000_000;

describe("signing", () => {
  it("signs timestamp + '.' + body with HMAC-SHA256 (a known vector)", () => {
    // printf '%s' '1800000000000.{"a":1}' | openssl dgst -sha256 -hmac <40 × s>
    expect(signPayload(SECRET, NOW, '{"a":1}')).toBe("v1=faa73ea8f045cc94e30fcfc7dc3b66ed59f5beed43839cc3c486f17dc018b37a");
    expect(signPayload(SECRET, NOW, '{"a":1}')).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(signPayload(SECRET, NOW, '{"a":1}')).not.toBe(signPayload(SECRET, NOW + 1, '{"a":1}'));
  });

  it("accepts its own signature within the window", () => {
    const headers = signedHeaders(SECRET, "body", NOW);
    expect(verifySignature({ secrets: [SECRET], timestamp: headers[TIMESTAMP_HEADER], signature: headers[SIGNATURE_HEADER], payload: "body", now: NOW + 1_000 })).toEqual({ ok: true, timestamp: NOW });
  });

  it("refuses another secret, a changed body, a changed timestamp and missing headers", () => {
    const headers = signedHeaders(SECRET, "body", NOW);
    const check = (overrides: Partial<Parameters<typeof verifySignature>[0]>) =>
      verifySignature({ secrets: [SECRET], timestamp: headers[TIMESTAMP_HEADER], signature: headers[SIGNATURE_HEADER], payload: "body", now: NOW, ...overrides });
    expect(check({ secrets: [OTHER] })).toMatchObject({ ok: false, reason: expect.stringContaining("does not match") });
    expect(check({ payload: "body!" })).toMatchObject({ ok: false, reason: expect.stringContaining("does not match") });
    expect(check({ timestamp: String(NOW + 1) })).toMatchObject({ ok: false });
    expect(check({ signature: undefined })).toMatchObject({ ok: false, reason: expect.stringContaining("not signed") });
    expect(check({ timestamp: "12abc" })).toMatchObject({ ok: false, reason: expect.stringContaining("epoch milliseconds") });
    expect(check({ signature: "v1=00" })).toMatchObject({ ok: false });
  });

  it("accepts any of several secrets (rotation)", () => {
    const headers = signedHeaders(OTHER, "body", NOW);
    expect(verifySignature({ secrets: [SECRET, OTHER], timestamp: headers[TIMESTAMP_HEADER], signature: headers[SIGNATURE_HEADER], payload: "body", now: NOW }).ok).toBe(true);
  });

  it("refuses timestamps outside the replay window, in the past and in the future", () => {
    const headers = signedHeaders(SECRET, "body", NOW);
    const at = (now: number) => verifySignature({ secrets: [SECRET], timestamp: headers[TIMESTAMP_HEADER], signature: headers[SIGNATURE_HEADER], payload: "body", now });
    expect(at(NOW + REPLAY_WINDOW_MS).ok).toBe(true);
    expect(at(NOW + REPLAY_WINDOW_MS + 1)).toMatchObject({ ok: false, reason: expect.stringContaining("replayed request") });
    expect(at(NOW - REPLAY_WINDOW_MS - 1).ok).toBe(false);
  });
});
