"use client";
/** The browser side of tRPC: one QueryClient and tRPC client per tab, shared through context. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { transformer } from "@/lib/trpc/transformer";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/**
 * Database queries each get their own request: a batch answers only when its slowest call is
 * done, so an app's quick stat tile would wait for its slowest chart. Everything else is batched.
 */
const UNBATCHED = new Set(["apps.runQuery", "queries.run", "queries.page", "tables.browse"]);

export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => UNBATCHED.has(op.path),
          true: httpLink({ url: "/api/trpc", transformer }),
          false: httpBatchLink({ url: "/api/trpc", transformer }),
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
