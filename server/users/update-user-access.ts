/**
 * Changes a user's role or active flag. Only admins call this (router) and an admin cannot
 * change their own access, so the acting admin always remains: a workspace can never lock
 * itself out.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { Role } from "@/lib/roles";
import type { SessionUser } from "@/server/auth/sessions";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { publicUserSelect } from "@/server/users/user-select";

type Change = { role: Role } | { active: boolean };

export async function updateUserAccess(options: { db: Db; actor: SessionUser; userId: string; change: Change }) {
  const { db, actor, userId, change } = options;
  if (userId === actor.id) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot change your own role or deactivate yourself; ask another admin." });
  }
  const before = await db.user.findUnique({ where: { id: userId }, select: publicUserSelect });
  if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "That user no longer exists." });

  const after = await db.user.update({ where: { id: userId }, data: change, select: publicUserSelect });
  // A deactivated user is signed out everywhere at once.
  if ("active" in change && !change.active) await db.session.deleteMany({ where: { userId } });
  await recordAuditEvent({
    db,
    actor,
    action: "role" in change ? "user.set_role" : "user.set_active",
    target: { type: "user", id: userId },
    detail: { email: before.email, before: "role" in change ? before.role : before.active, after: "role" in change ? after.role : after.active },
  });
  return after;
}
