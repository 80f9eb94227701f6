/**
 * The permissions dialog's state and its translation to the document's `permissions`: each
 * section is either the default (absent from the document) or an explicit list of roles and
 * e-mails. The rules themselves are enforced by server/apps/app-permissions.ts.
 */
import { z } from "zod";
import type { AppDocument } from "@/lib/app-document";
import { hasRole, ROLES, type Role } from "@/lib/roles";

export type Permissions = AppDocument["permissions"];
export type Section = "use" | "edit";

export interface SectionDraft {
  restricted: boolean;
  roles: Role[];
  users: string[];
}

export type PermissionsDraft = Record<Section, SectionDraft>;

/** Roles worth listing: admins may always do both, and nobody below builder edits. */
export function rolesFor(section: Section): Role[] {
  return ROLES.filter((role) => role !== "admin" && (section === "use" || hasRole(role, "builder")));
}

export function toDraft(value: Permissions): PermissionsDraft {
  const section = (principals: { roles: Role[]; users: string[] } | undefined): SectionDraft =>
    principals ? { restricted: true, roles: [...principals.roles], users: [...principals.users] } : { restricted: false, roles: [], users: [] };
  return { use: section(value?.use), edit: section(value?.edit) };
}

/** Default sections are left out; no `permissions` at all when both are default. */
export function fromDraft(draft: PermissionsDraft): Permissions {
  const next: NonNullable<Permissions> = {};
  for (const section of ["use", "edit"] as const) {
    const { restricted, roles, users } = draft[section];
    if (restricted) next[section] = { roles, users };
  }
  return next.use || next.edit ? next : undefined;
}

export function toggleRole(roles: readonly Role[], role: Role, on: boolean): Role[] {
  const without = roles.filter((item) => item !== role);
  // Kept in ROLES order so the saved document (and its diff) does not depend on click order.
  return on ? ROLES.filter((item) => item === role || without.includes(item)) : without;
}

const emailSchema = z.email();

export type AddEmailResult = { ok: true; users: string[] } | { ok: false; error: string };

export function addEmail(users: readonly string[], text: string): AddEmailResult {
  const email = text.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success) return { ok: false, error: "Enter an e-mail address, like ana@acme.test." };
  if (users.some((user) => user.toLowerCase() === email)) return { ok: false, error: `${email} is already listed.` };
  return { ok: true, users: [...users, email] };
}
