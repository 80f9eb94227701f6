/**
 * The tRPC endpoint's request handling, apart from the Next route file so tests can drive it
 * with a test context: CSRF refusal, body and batch limits (request-limits.ts), then tRPC.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/trpc/root";
import type { Context } from "@/server/trpc/context";
import { crossSiteRefusal } from "@/server/trpc/same-origin";
import { assertBatchAllowed, limitBody, requestLimitsFromEnv, type RequestLimits } from "@/server/trpc/request-limits";

export interface HandleOptions {
  /** `resHeaders`: the response's headers, for procedures that set one (sign-out's Clear-Site-Data). */
  createContext: (resHeaders: Headers) => Promise<Context>;
  limits?: RequestLimits;
}

export function handleTrpcRequest(request: Request, options: HandleOptions): Response | Promise<Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const limits = options.limits ?? requestLimitsFromEnv();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limitBody(request, limits.maxBodyBytes),
    router: appRouter,
    createContext: ({ info, resHeaders }) => {
      assertBatchAllowed(info, limits);
      return options.createContext(resHeaders);
    },
  });
}
