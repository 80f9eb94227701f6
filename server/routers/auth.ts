/** Sign-in, sign-out and "who am I". */
import { signInInput } from "@/lib/schemas/users";
import { signIn } from "@/server/auth/sign-in";
import { destroySession } from "@/server/auth/sessions";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { publicProcedure, router, viewerProcedure } from "@/server/trpc/init";

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.session?.user ?? null),

  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    await signIn({ db: ctx.db, jar: ctx.jar, input, clientAddress: ctx.clientAddress, userAgent: ctx.userAgent });
    return { ok: true as const };
  }),

  signOut: viewerProcedure.mutation(async ({ ctx }) => {
    await destroySession({ db: ctx.db, jar: ctx.jar, sessionId: ctx.session.sessionId });
    // The browser drops this origin's local storage (unsaved drafts and staged edits), so the
    // next person on it starts clean even if the page's own clean-up never ran.
    ctx.resHeaders?.set("Clear-Site-Data", '"storage"');
    await recordAuditEvent({ db: ctx.db, actor: ctx.session.user, action: "auth.sign_out", target: { type: "user", id: ctx.session.user.id } });
    return { ok: true as const };
  }),
});
