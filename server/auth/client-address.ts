/**
 * The client address that sign-in throttling counts under.
 *
 * Next's route handlers do not expose the TCP peer address, and Next fills `X-Forwarded-For`
 * from the socket only when the client did not send one — so in a route handler a forged
 * `X-Forwarded-For` cannot be told apart from a real one. Rowcraft's own server
 * (scripts/serve.mjs, used by `npm start`) therefore writes the socket address into
 * PEER_ADDRESS_HEADER on every request, overwriting whatever a client sent, and marks the
 * process (PEER_ADDRESS_MARK on globalThis, which no request can set) so we know the header
 * is trustworthy. Proxy headers are believed only when that peer is listed in
 * ROWCRAFT_TRUSTED_PROXIES (addresses or CIDR ranges, comma-separated).
 *
 * When the peer is unknown (served by plain `next start`, `next dev`, or a platform that
 * replaces the server), every client shares the key UNKNOWN_CLIENT. Believing any header there
 * would let each request pick its own key, so one shared key is the only sound choice; it gets
 * a gentler limit than a real address (login-throttle.ts, LIMITS.sharedAddress) because
 * everyone shares it, and owners on a trusted device are not counted under it at all.
 */
import { BlockList, isIP } from "node:net";

export const PEER_ADDRESS_HEADER = "x-rowcraft-peer-address";
export const PEER_ADDRESS_MARK = Symbol.for("rowcraft.peerAddressHeader");
export const UNKNOWN_CLIENT = "unknown";

/** Strips IPv4-mapped IPv6 (`::ffff:10.0.0.1`) and brackets/ports, so one client has one spelling. */
export function normalizeAddress(raw: string): string | null {
  let text = raw.trim();
  if (text.startsWith("[")) text = text.slice(1, text.indexOf("]") === -1 ? undefined : text.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  if (text.toLowerCase().startsWith("::ffff:") && isIP(text.slice(7)) === 4) text = text.slice(7);
  return isIP(text) ? text.toLowerCase() : null;
}

export interface TrustedProxies {
  has(address: string): boolean;
}

export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  const list = new BlockList();
  let count = 0;
  for (const entry of (setting ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const [addressText, prefixText] = entry.split("/");
    const address = normalizeAddress(addressText ?? "");
    const family = address ? (isIP(address) === 6 ? "ipv6" : "ipv4") : null;
    const prefix = prefixText === undefined ? null : Number(prefixText);
    if (!address || !family || (prefix !== null && (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === "ipv6" ? 128 : 32)))) {
      throw new Error(`ROWCRAFT_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/8).`);
    }
    if (prefix === null) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
    count += 1;
  }
  return { has: (address) => count > 0 && list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4") };
}

/** The socket address our server recorded, or null when this process is not served by it. */
export function peerAddressOf(headers: Headers): string | null {
  if ((globalThis as Record<symbol, unknown>)[PEER_ADDRESS_MARK] !== true) return null;
  return normalizeAddress(headers.get(PEER_ADDRESS_HEADER) ?? "");
}

/**
 * The address to count a request under: the peer itself, unless the peer is a trusted proxy;
 * then the nearest address in X-Forwarded-For (right to left) that is not itself a trusted
 * proxy, or X-Real-IP when there is no X-Forwarded-For.
 */
export function clientAddressOf(headers: Headers, peer: string | null, trusted: TrustedProxies): string {
  if (!peer) return UNKNOWN_CLIENT;
  if (!trusted.has(peer)) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  for (let index = forwarded.length - 1; index >= 0; index -= 1) {
    const address = normalizeAddress(forwarded[index] ?? "");
    // A malformed hop cannot be attributed: count under the last proxy that handed it over.
    if (!address) return peer;
    if (!trusted.has(address)) return address;
  }
  if (forwarded.length > 0) return normalizeAddress(forwarded[0] ?? "") ?? peer;
  return normalizeAddress(headers.get("x-real-ip") ?? "") ?? peer;
}
