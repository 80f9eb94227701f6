/**
 * Who may edit and who may use an app. The rules live in the document (`permissions`), so a
 * change to them is versioned and shows in the diff:
 * - use: everyone signed in when absent; otherwise a listed role or e-mail. Read from the
 *   PUBLISHED version — publishing makes a change of audience live, like any other change.
 * - edit: builders when absent; otherwise builders matching a listed role or e-mail. Read from
 *   the latest version, so a change takes effect on save.
 * Admins may always do both; below builder nobody edits. Editors may always use (they preview).
 */
import type { AppDocument } from "@/lib/app-document";
import { hasRole, type Role } from "@/lib/roles";

export interface AppUser {
  email: string;
  role: Role;
}

type Principals = NonNullable<NonNullable<AppDocument["permissions"]>["use"]>;

function listed(principals: Principals, user: AppUser): boolean {
  const email = user.email.toLowerCase();
  return principals.roles.includes(user.role) || principals.users.some((listedEmail) => listedEmail.toLowerCase() === email);
}

export function canEditApp(latest: AppDocument, user: AppUser): boolean {
  if (user.role === "admin") return true;
  if (!hasRole(user.role, "builder")) return false;
  const edit = latest.permissions?.edit;
  return edit === undefined || listed(edit, user);
}

/** `published` is null when no version is published: then only editors may open the app. */
export function canUseApp(published: AppDocument | null, latest: AppDocument, user: AppUser): boolean {
  if (canEditApp(latest, user)) return true;
  if (published === null) return false;
  const use = published.permissions?.use;
  return use === undefined || listed(use, user);
}
