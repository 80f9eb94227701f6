// Entry point for the app: makes sure the Acme Ops demo database exists before anyone queries it.
import fs from "node:fs";
import { ACME_OPS_ANCHOR, generateAcmeOps } from "./generate";
import { daysUntil, shiftAcmeOpsDates } from "./shift-dates";

export { ACME_OPS_ANCHOR, ACME_OPS_DEFAULT_SEED, generateAcmeOps } from "./generate";
export type { GenerateAcmeOpsOptions, GenerateAcmeOpsResult } from "./generate";
export { ACME_OPS_SCHEMA_SQL, ACME_OPS_VERSION } from "./schema";
export { shiftAcmeOpsDates } from "./shift-dates";

/**
 * Generates the demo database at `file` unless it already exists, with its dates moved so the
 * data ends on `today` (default: now). An existing file is never touched, so edits made through
 * the app survive restarts.
 * Generation is synchronous (better-sqlite3) and blocks the event loop for a few seconds, once.
 */
export function ensureAcmeOpsSync(file: string, options: { today?: number } = {}): { created: boolean } {
  if (fs.existsSync(file)) return { created: false };
  generateAcmeOps({ file });
  shiftAcmeOpsDates(file, daysUntil(ACME_OPS_ANCHOR, options.today ?? Date.now()));
  return { created: true };
}

/** Promise-returning form of {@link ensureAcmeOpsSync}, for async startup code. */
export async function ensureAcmeOps(file: string, options: { today?: number } = {}): Promise<{ created: boolean }> {
  return ensureAcmeOpsSync(file, options);
}
