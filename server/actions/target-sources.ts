/**
 * Which connected data source an action's target means. Actions name their source by a stable
 * name ("acme-ops") so that code never depends on what an admin calls a source. The mapping:
 *
 * 1. `ROWCRAFT_ACTION_SOURCES` (admins, at deploy time): `acme-ops=Acme Ops; billing=Billing (EU)`;
 * 2. otherwise the source with exactly that name;
 * 3. otherwise the one source whose name reads the same in kebab-case ("Acme Ops" → acme-ops).
 *
 * Anything else — nothing found, two candidates, a mapping to a source that is not connected —
 * is refused with the reason, never guessed: renaming a source breaks loudly, not silently.
 */

export type TargetResolution = { ok: true; datasource: string } | { ok: false; message: string };

/** "Acme Ops" → "acme-ops". */
export function stableNameOf(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** `acme-ops=Acme Ops; billing=Billing (EU)` → Map; pairs are separated by `;` or new lines. */
export function parseTargetMap(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (text ?? "").split(/[;\n]/)) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const target = pair.slice(0, at).trim();
    const source = pair.slice(at + 1).trim();
    if (target && source) map.set(target, source);
  }
  return map;
}

export function configuredTargetMap(): Map<string, string> {
  return parseTargetMap(process.env.ROWCRAFT_ACTION_SOURCES);
}

export function resolveTargetSource(target: string, datasources: readonly string[], map: ReadonlyMap<string, string> = configuredTargetMap()): TargetResolution {
  const mapped = map.get(target);
  if (mapped !== undefined) {
    return datasources.includes(mapped)
      ? { ok: true, datasource: mapped }
      : { ok: false, message: `Actions on "${target}" use the data source "${mapped}" (ROWCRAFT_ACTION_SOURCES), which is not connected. An admin can connect it or change the mapping.` };
  }
  if (datasources.includes(target)) return { ok: true, datasource: target };
  const alike = datasources.filter((name) => stableNameOf(name) === target);
  if (alike.length === 1 && alike[0] !== undefined) return { ok: true, datasource: alike[0] };
  if (alike.length > 1) {
    return { ok: false, message: `Both ${alike.map((name) => `"${name}"`).join(" and ")} could be the data source "${target}". An admin can say which in ROWCRAFT_ACTION_SOURCES (${target}=<source name>).` };
  }
  return { ok: false, message: `No data source is connected for "${target}". An admin can connect one under that name, or map it in ROWCRAFT_ACTION_SOURCES (${target}=<source name>).` };
}
