/**
 * The values an app query runs with, decided by the server: every `{{ }}` whose names are only
 * server-known (`currentUser`, or none at all: a constant) is evaluated here from the session,
 * whatever the request says; the others take the value the browser sent (they are inputs,
 * selections and rows, which the user controls anyway); an expression mixing the two is refused.
 * Params the SQL does not use are dropped.
 */
import { TRPCError } from "@trpc/server";
import { originOf, sqlExpressions, toParamValue, type ParamValue } from "@/lib/app-document/query-params";
import { evaluate, parseExpression } from "@/lib/bindings";
import type { OpenAppView } from "@/lib/schemas/apps";
import type { SessionUser } from "@/server/auth/sessions";

/** What bindings read as `currentUser`, for the runtime (apps.open) and for server-bound params alike. */
export function currentUserOf(user: SessionUser): OpenAppView["currentUser"] {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

const refuse = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });

export function bindQueryParams(options: { queryId: string; sql: string; params: Readonly<Record<string, ParamValue>>; user: SessionUser }): Record<string, ParamValue> {
  const { queryId, sql, params, user } = options;
  const scope = { currentUser: currentUserOf(user) };
  const bound: Record<string, ParamValue> = {};
  for (const expression of sqlExpressions(sql)) {
    const parsed = parseExpression(expression);
    if (!parsed.ok) throw refuse(`{{ ${expression} }} in ${queryId} is not a valid binding (${parsed.error.message}); fix it in the builder.`);
    const origin = originOf(parsed.value);
    if (origin === "mixed") {
      throw refuse(`{{ ${expression} }} in ${queryId} mixes currentUser with values from the browser, so it cannot be trusted; the builder must split it into separate parameters.`);
    }
    if (origin === "browser") {
      if (Object.hasOwn(params, expression)) bound[expression] = params[expression] as ParamValue;
      continue;
    }
    const value = evaluate(parsed.value, scope);
    if (!value.ok) throw refuse(`{{ ${expression} }} in ${queryId} failed: ${value.error.message}`);
    const param = toParamValue(value.value);
    if (!param.ok) throw refuse(`{{ ${expression} }} in ${queryId} ${param.message}`);
    bound[expression] = param.value;
  }
  return bound;
}
