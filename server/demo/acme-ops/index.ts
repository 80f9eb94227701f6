// Entry point for the app: makes sure the Acme Ops demo database exists before anyone queries it.
import fs from "node:fs";
import { generateAcmeOps } from "./generate";

export { ACME_OPS_ANCHOR, ACME_OPS_DEFAULT_SEED, generateAcmeOps } from "./generate";
export type { GenerateAcmeOpsOptions, GenerateAcmeOpsResult } from "./generate";
export { ACME_OPS_SCHEMA_SQL, ACME_OPS_VERSION } from "./schema";

/**
 * Generates the demo database at `file` unless it already exists. An existing file is never touched,
 * so edits made through the app survive restarts.
 * Generation is synchronous (better-sqlite3) and blocks the event loop for a few seconds, once.
 */
export function ensureAcmeOpsSync(file: string): { created: boolean } {
  if (fs.existsSync(file)) return { created: false };
  generateAcmeOps({ file });
  return { created: true };
}

/** Promise-returning form of {@link ensureAcmeOpsSync}, for async startup code. */
export async function ensureAcmeOps(file: string): Promise<{ created: boolean }> {
  return ensureAcmeOpsSync(file);
}
