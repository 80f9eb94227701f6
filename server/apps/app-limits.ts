/**
 * Limits on what one app request may do, each with a default and an environment variable to
 * change it (documented in README.md → Configuration).
 */

/** Most table rows one `apps.saveEdits` may change (ROWCRAFT_MAX_APP_EDITS, default 500). */
export const DEFAULT_MAX_APP_EDITS = 500;

export function maxAppEditsPerSave(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ROWCRAFT_MAX_APP_EDITS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_MAX_APP_EDITS;
  const value = Number(raw);
  // A typo must not lift the limit: anything but a positive whole number keeps the default.
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_APP_EDITS;
}
