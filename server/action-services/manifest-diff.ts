/** What changed between two manifests of one service: actions added, removed, and which fields of the others changed. */
import type { ManifestAction } from "@rowcraft/actions/protocol";
import type { ManifestChanges } from "@/lib/schemas/action-services";

const FIELDS = ["title", "description", "minRole", "danger", "precondition", "target", "timeoutMs", "mode", "selectionField", "inputSchema", "outputSchema"] as const;

export function diffManifests(before: readonly ManifestAction[], after: readonly ManifestAction[]): ManifestChanges {
  const old = new Map(before.map((action) => [action.name, action]));
  const next = new Map(after.map((action) => [action.name, action]));
  const changed: ManifestChanges["changed"] = [];
  for (const [name, action] of next) {
    const previous = old.get(name);
    if (!previous) continue;
    const fields = FIELDS.filter((field) => JSON.stringify(previous[field]) !== JSON.stringify(action[field]));
    if (fields.length) changed.push({ name, fields });
  }
  return {
    added: [...next.keys()].filter((name) => !old.has(name)).sort(),
    removed: [...old.keys()].filter((name) => !next.has(name)).sort(),
    changed: changed.sort((a, b) => a.name.localeCompare(b.name)),
  };
}
