// Safe property reads for the evaluator and the list functions. A binding may only read own
// data properties of plain objects and arrays: no prototype chain, no getters, no functions,
// no `__proto__` / `prototype` / `constructor` / `__anything`, so scope data can never lead
// back to Object, Function or the host.

/** Keys a binding may never read, whatever object they are on. */
export function isForbiddenKey(key: string): boolean {
  return key.startsWith("__") || key === "prototype" || key === "constructor";
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export type Read = { ok: true; value: unknown } | { ok: false; message: string };

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object of a kind bindings cannot read" : `a ${typeof value}`;
}

/** Reads `key` of `target`. Missing keys give `undefined`; so does any key of null/undefined. */
export function readProperty(target: unknown, key: string | number): Read {
  if (target === null || target === undefined) return { ok: true, value: undefined };
  if (typeof key === "string" && isForbiddenKey(key)) {
    return { ok: false, message: `"${key}" cannot be read in a binding.` };
  }
  let value: unknown;
  if (Array.isArray(target)) {
    if (key === "length") return { ok: true, value: target.length };
    const index = typeof key === "number" ? key : NaN;
    if (!Number.isInteger(index)) {
      return { ok: false, message: `A list is indexed by a whole number, not ${typeof key === "number" ? key : `"${key}"`}.` };
    }
    if (index < 0 || index >= target.length) return { ok: true, value: undefined };
    const descriptor = Object.getOwnPropertyDescriptor(target, index);
    value = descriptor && "value" in descriptor ? descriptor.value : undefined;
  } else if (isPlainObject(target)) {
    const name = String(key);
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    // Getters are skipped: reading one would run code the binding did not write.
    value = descriptor && "value" in descriptor ? descriptor.value : undefined;
  } else {
    return { ok: false, message: `Cannot read "${String(key)}" of ${describeValue(target)}; use a function such as len(x) instead.` };
  }
  if (typeof value === "function" || typeof value === "symbol") {
    return { ok: false, message: `"${String(key)}" is not a value a binding can use.` };
  }
  return { ok: true, value };
}
