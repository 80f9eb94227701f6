/**
 * Roles, lowest to highest. Every role includes what the roles below it may do:
 * viewer reads published apps, operator also edits cells and runs actions,
 * builder also writes queries and builds apps, admin also manages sources, users and audit.
 */
import { z } from "zod";

export const ROLES = ["viewer", "operator", "builder", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  operator: "Operator",
  builder: "Builder",
  admin: "Admin",
};

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** True when `role` is `minimum` or above it. */
export function hasRole(role: Role, minimum: Role): boolean {
  return roleRank(role) >= roleRank(minimum);
}
