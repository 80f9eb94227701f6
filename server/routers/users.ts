/** User and role management (admins). */
import { createUserInput, setActiveInput, setRoleInput } from "@/lib/schemas/users";
import { createUser } from "@/server/users/create-user";
import { updateUserAccess } from "@/server/users/update-user-access";
import { publicUserSelect } from "@/server/users/user-select";
import { adminProcedure, router } from "@/server/trpc/init";

export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => ctx.db.user.findMany({ select: publicUserSelect, orderBy: [{ active: "desc" }, { email: "asc" }] })),

  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser({ db: ctx.db, actor: ctx.session.user, input })),

  setRole: adminProcedure
    .input(setRoleInput)
    .mutation(({ ctx, input }) => updateUserAccess({ db: ctx.db, actor: ctx.session.user, userId: input.userId, change: { role: input.role } })),

  setActive: adminProcedure
    .input(setActiveInput)
    .mutation(({ ctx, input }) => updateUserAccess({ db: ctx.db, actor: ctx.session.user, userId: input.userId, change: { active: input.active } })),
});
