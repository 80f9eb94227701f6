"use client";
/** The browser side of tRPC: one QueryClient and tRPC client per tab, shared through context. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { transformer } from "@/lib/trpc/transformer";
import { BROWSER_MAX_BATCH } from "@/lib/trpc/batch-limit";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/**
 * Database queries each get their own request: a batch answers only when its slowest call is
 * done, so an app's quick stat tile would wait for its slowest chart. Sign-in and sign-out are
 * never batched (the server refuses `auth.*` in a batch). Everything else is batched, at most
 * BROWSER_MAX_BATCH calls per request (the server's floor for ROWCRAFT_MAX_BATCH).
 */
const UNBATCHED = new Set(["apps.runQuery", "queries.run", "queries.page", "tables.browse"]);

function isUnbatched(path: string): boolean {
  return UNBATCHED.has(path) || path.startsWith("auth.");
}

export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => isUnbatched(op.path),
          true: httpLink({ url: "/api/trpc", transformer }),
          false: httpBatchLink({ url: "/api/trpc", transformer, maxItems: BROWSER_MAX_BATCH }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
