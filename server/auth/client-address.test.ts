import { afterEach, describe, expect, it } from "vitest";
import { clientAddressOf, normalizeAddress, parseTrustedProxies, PEER_ADDRESS_HEADER, PEER_ADDRESS_MARK, peerAddressOf, UNKNOWN_CLIENT } from "@/server/auth/client-address";

const headers = (values: Record<string, string>) => new Headers(values);
const none = parseTrustedProxies(undefined);

describe("clientAddressOf", () => {
  it("ignores X-Forwarded-For and X-Real-IP from a peer that is not a trusted proxy", () => {
    const spoofed = headers({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" });
    expect(clientAddressOf(spoofed, "203.0.113.9", none)).toBe("203.0.113.9");
    expect(clientAddressOf(spoofed, "203.0.113.9", parseTrustedProxies("10.0.0.1"))).toBe("203.0.113.9");
  });

  it("believes a trusted proxy, taking the nearest untrusted hop from the right", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.0.2.1");
    // The client forged the first entry; the proxy appended the real one.
    expect(clientAddressOf(headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7, 10.1.2.3" }), "192.0.2.1", trusted)).toBe("198.51.100.7");
    expect(clientAddressOf(headers({ "x-real-ip": "198.51.100.8" }), "::ffff:10.0.0.2", trusted)).toBe("198.51.100.8");
    expect(clientAddressOf(headers({}), "10.0.0.2", trusted)).toBe("10.0.0.2");
  });

  it("counts everyone under one key when the socket address is unknown", () => {
    expect(clientAddressOf(headers({ "x-forwarded-for": "1.2.3.4" }), null, parseTrustedProxies("0.0.0.0/0"))).toBe(UNKNOWN_CLIENT);
  });

  it("refuses a malformed ROWCRAFT_TRUSTED_PROXIES instead of guessing", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/ROWCRAFT_TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/not an IP address/);
  });

  it("spells one address one way", () => {
    expect(normalizeAddress("::FFFF:10.0.0.1")).toBe("10.0.0.1");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("10.0.0.1:5000")).toBe("10.0.0.1");
    expect(normalizeAddress("not-an-ip")).toBeNull();
  });
});

describe("peerAddressOf", () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[PEER_ADDRESS_MARK];
  });

  it("believes the peer header only in a process served by Rowcraft's server", () => {
    const sent = headers({ [PEER_ADDRESS_HEADER]: "198.51.100.3" });
    expect(peerAddressOf(sent)).toBeNull();
    (globalThis as Record<symbol, unknown>)[PEER_ADDRESS_MARK] = true;
    expect(peerAddressOf(sent)).toBe("198.51.100.3");
  });
});
