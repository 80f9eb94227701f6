/**
 * Server secrets: the session sealing password and the AES-256-GCM key for data source
 * credentials. Given by env (ROWCRAFT_SESSION_SECRET, ROWCRAFT_ENCRYPTION_KEY), or generated
 * on first start into `<data dir>/secrets.json` (mode 0600) — outside the metadata database,
 * so a copy of the database alone does not reveal credentials.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { dataDir } from "@/server/config/paths";

const secretsFileSchema = z.object({
  sessionSecret: z.string().min(32),
  encryptionKey: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Secrets = z.infer<typeof secretsFileSchema>;

let cached: Secrets | undefined;

function readOrCreateFile(): Secrets {
  const file = path.join(dataDir(), "secrets.json");
  if (fs.existsSync(file)) {
    return secretsFileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  }
  const created: Secrets = {
    sessionSecret: randomBytes(32).toString("base64url"),
    encryptionKey: randomBytes(32).toString("hex"),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // "wx" fails if another process created it first; then we read theirs.
  try {
    fs.writeFileSync(file, JSON.stringify(created, null, 2), { mode: 0o600, flag: "wx" });
    return created;
  } catch {
    return secretsFileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  }
}

export function getSecrets(): Secrets {
  if (cached) return cached;
  const fromFile = process.env.ROWCRAFT_SESSION_SECRET && process.env.ROWCRAFT_ENCRYPTION_KEY ? undefined : readOrCreateFile();
  cached = secretsFileSchema.parse({
    sessionSecret: process.env.ROWCRAFT_SESSION_SECRET ?? fromFile?.sessionSecret,
    encryptionKey: process.env.ROWCRAFT_ENCRYPTION_KEY ?? fromFile?.encryptionKey,
  });
  return cached;
}
