/**
 * Rowcraft's unsaved work in the browser's localStorage (staged table edits, SQL and app
 * drafts, action field mappings). Staged edits are keyed by the signed-in user, so the next
 * person on a shared browser never sees (or saves) someone else's; and sign-out removes all
 * of Rowcraft's keys.
 */

/** Every Rowcraft key starts with one of these (older keys used a colon). */
const ROWCRAFT_PREFIXES = ["rowcraft.", "rowcraft:"];

/**
 * `key` as stored for `userId`: the user's id comes first, ended by "/" (which the encoded id
 * cannot contain), so one user's keys never match another's.
 */
export function userDraftKey(userId: string, key: string): string {
  return `rowcraft.user.${encodeURIComponent(userId)}/${key}`;
}

/** Removes every Rowcraft key from `storage`; returns how many were removed. */
export function clearLocalDrafts(storage: Pick<Storage, "length" | "key" | "removeItem">): number {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key !== null && ROWCRAFT_PREFIXES.some((prefix) => key.startsWith(prefix))) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}
