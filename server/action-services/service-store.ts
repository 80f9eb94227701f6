/**
 * Reading and writing ActionService rows: the shared secret is sealed with the same AES-256-GCM
 * box as data source credentials and opened only on the server when a request is signed.
 * `toActionServiceSummary` is the only shape that leaves the server — it never carries the secret.
 */
import type { ActionService } from "@/generated/prisma/client";
import { manifestSchema, type Manifest, type ManifestAction } from "@rowcraft/actions/protocol";
import type { ActionServiceSummary } from "@/lib/schemas/action-services";
import { getSecrets } from "@/server/config/secrets";
import { decryptSecret, encryptSecret } from "@/server/crypto/secret-box";
import type { ServiceEndpoint } from "./service-client";

export function sealServiceSecret(secret: string): string {
  return encryptSecret(secret, getSecrets().encryptionKey);
}

// Opening costs an AES-GCM decryption per call; the sealed text is the key, so a new secret is never served stale.
const opened = new Map<string, string>();

export function endpointOf(row: Pick<ActionService, "name" | "url" | "secretEncrypted">): ServiceEndpoint {
  let secret = opened.get(row.secretEncrypted);
  if (secret === undefined) {
    secret = decryptSecret(row.secretEncrypted, getSecrets().encryptionKey);
    if (opened.size >= 200) opened.clear();
    opened.set(row.secretEncrypted, secret);
  }
  return { name: row.name, url: row.url, secret };
}

export function storedManifest(row: Pick<ActionService, "manifest">): Manifest | null {
  if (!row.manifest) return null;
  const parsed = manifestSchema.safeParse(JSON.parse(row.manifest));
  return parsed.success ? parsed.data : null;
}

export function describeTarget(target: ManifestAction["target"]): string {
  if ("table" in target) return `${target.source} · ${target.table} (${Object.keys(target.key).join(", ")})`;
  return `${target.source} · no rows`;
}

export function toActionServiceSummary(row: ActionService): ActionServiceSummary {
  const manifest = storedManifest(row);
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    status: row.status === "ok" ? "ok" : "error",
    statusMessage: row.statusMessage,
    manifestVersion: row.manifestVersion,
    manifestFetchedAt: row.manifestFetchedAt,
    actions: (manifest?.actions ?? []).map((action) => ({
      name: action.name,
      title: action.title,
      minRole: action.minRole,
      danger: action.danger !== null,
      target: describeTarget(action.target),
    })),
  };
}
