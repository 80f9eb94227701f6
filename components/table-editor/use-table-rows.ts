"use client";
/**
 * Loads a table's rows for the editor. Up to the client limit (100,000 rows, or the source's
 * row cap) the whole table is loaded once and the grid sorts and filters it in the browser.
 * Beyond that the server pages: sort and filters are pushed down, the grid asks for the windows
 * it shows, and the scrollbar still spans every matching row.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useServerBlocks } from "@/components/grid/use-server-blocks";
import type { TableRefInput } from "@/lib/schemas/tables";
import type { TableView } from "@/lib/schemas/table-view";
import { useTRPC } from "@/lib/trpc/client";

export function useTableRows(options: { datasourceId: string; table: TableRefInput; serverView: TableView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { datasourceId, table, serverView } = options;
  const first = useQuery(trpc.tables.browse.queryOptions({ datasourceId, table, offset: 0, limit: 100_000, withCount: true }, { retry: false, staleTime: Infinity }));
  const serverPaged = first.data !== undefined && (first.data.totalCount ?? 0) > first.data.clientLimit;
  const count = useQuery(
    trpc.tables.browse.queryOptions({ datasourceId, table, view: serverView, offset: 0, limit: 1, withCount: true }, { enabled: serverPaged, retry: false, staleTime: Infinity }),
  );
  const fetchBlock = useCallback(
    async (offset: number, limit: number) =>
      (await queryClient.fetchQuery(trpc.tables.browse.queryOptions({ datasourceId, table, view: serverView, offset, limit, withCount: false }, { staleTime: 60_000 }))).rows,
    [datasourceId, queryClient, serverView, table, trpc],
  );
  const total = serverPaged ? (count.data?.totalCount ?? first.data?.totalCount ?? 0) : (first.data?.rows.length ?? 0);
  const blocks = useServerBlocks({ viewKey: JSON.stringify(serverView), total, enabled: serverPaged, fetchBlock });

  const { reset } = blocks;
  const reload = useCallback(async () => {
    reset();
    await queryClient.invalidateQueries({ queryKey: trpc.tables.browse.queryKey() });
  }, [queryClient, reset, trpc]);

  return {
    meta: first.data ?? null,
    isLoading: first.isPending,
    error: first.error ?? count.error ?? blocks.error,
    serverPaged,
    rows: serverPaged ? blocks.rows : (first.data?.rows ?? []),
    total,
    requestRows: blocks.requestRows,
    reload,
  };
}
