/**
 * tRPC initialisation.
 * 1. Meta: every procedure declares who may call it (`access`), and the router-wide access test
 *    fails any procedure that does not.
 * 2. Initialisation, with an error formatter that passes zod issues through to forms and
 *    never sends server internals: no stack, no file paths, and a generic message with a
 *    logged reference for unexpected errors (error-redaction.ts).
 * 3. The base procedures everything is built from: `publicProcedure` and `roleProcedure(min)`.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { transformer } from "@/lib/trpc/transformer";
import { z } from "zod";
import { hasRole, type Role } from "@/lib/roles";
import type { Context } from "@/server/trpc/context";
import { internalErrorMessage, newErrorReference, redactServerPaths } from "@/server/trpc/error-redaction";

export type Access = "public" | Role;
export interface Meta {
  access: Access;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer,
    errorFormatter({ shape, error, path }) {
      let message = redactServerPaths(shape.message);
      if (error.code === "INTERNAL_SERVER_ERROR") {
        const reference = newErrorReference();
        console.error(`tRPC ${path ?? "?"} failed (reference ${reference}):`, error.cause ?? error);
        message = internalErrorMessage(reference);
      }
      const { stack: _stack, ...data } = shape.data;
      return {
        ...shape,
        message,
        data: {
          ...data,
          zodError: zodIssuesOf(error.cause),
        },
      };
    },
  });

/**
 * Field errors for forms. zod 4's error is not an Error subclass, so tRPC wraps it and
 * `instanceof` fails; the issues are still on the cause, so look for them by shape.
 */
function zodIssuesOf(cause: unknown): z.core.$ZodFlattenedError<unknown> | null {
  const issues = typeof cause === "object" && cause !== null ? (cause as { issues?: unknown }).issues : undefined;
  if (!Array.isArray(issues)) return null;
  return z.flattenError({ issues } as z.core.$ZodError<unknown>);
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. Use only for sign-in and "who am I". */
export const publicProcedure = t.procedure.meta({ access: "public" });

/** Signed-in users whose role is `minimum` or above; narrows ctx.session to non-null. */
export function roleProcedure(minimum: Role) {
  return t.procedure.meta({ access: minimum }).use(({ ctx, next }) => {
    if (!ctx.session) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    }
    if (!hasRole(ctx.session.user.role, minimum)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${minimum} role or above.` });
    }
    return next({ ctx: { ...ctx, session: ctx.session } });
  });
}

export const viewerProcedure = roleProcedure("viewer");
export const operatorProcedure = roleProcedure("operator");
export const builderProcedure = roleProcedure("builder");
export const adminProcedure = roleProcedure("admin");
