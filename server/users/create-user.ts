/** Creates an account (admins only, checked by the router) and audits it. */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { CreateUserInput } from "@/lib/schemas/users";
import type { SessionUser } from "@/server/auth/sessions";
import { hashPassword } from "@/server/auth/password";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { publicUserSelect } from "@/server/users/user-select";

export async function createUser(options: { db: Db; actor: SessionUser; input: CreateUserInput }) {
  const { db, actor, input } = options;
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    throw new TRPCError({ code: "CONFLICT", message: `A user with the email ${input.email} already exists.` });
  }
  const user = await db.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    select: publicUserSelect,
  });
  await recordAuditEvent({ db, actor, action: "user.create", target: { type: "user", id: user.id }, detail: { email: user.email, role: user.role } });
  return user;
}
