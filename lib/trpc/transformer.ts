/**
 * The tRPC data transformer: superjson (so dates stay dates), except for results the server
 * marks as plain JSON — query rows, which drivers already make JSON-safe. superjson walks every
 * value to look for types to tag; for 1,000 rows that walk cost ~5 ms per request (measured,
 * docs/benchmarks.md), JSON.stringify ~0.3 ms. A marked result is sent as `{ json }` with no
 * meta, which superjson.deserialize on the client returns as it is.
 */
import superjson from "superjson";

const plainJson = new WeakSet<object>();

/** Marks a result that holds only JSON values (no Date, Map, BigInt, undefined in arrays…). */
export function asPlainJson<T extends object>(value: T): T {
  plainJson.add(value);
  return value;
}

export const transformer = {
  serialize: (value: unknown) => (typeof value === "object" && value !== null && plainJson.has(value) ? { json: value } : superjson.serialize(value)),
  // In place: the payload was just parsed from the wire and nothing else holds it; copying a
  // 100,000-row result cost ~54 ms in the browser (docs/benchmarks.md).
  deserialize: (value: unknown) => {
    // A hand-made request may send `null`, a number or an array where the envelope belongs;
    // say so plainly instead of failing inside superjson ("Cannot destructure property 'json'").
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new Error('The request input must be a JSON object of the form {"json": <input>}.');
    }
    return superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0], { inPlace: true });
  },
};
