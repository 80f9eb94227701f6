"use client";
/**
 * Loads a table's rows for the editor. Up to the client limit (100,000 rows, or the source's
 * row cap) the whole table is loaded once and the grid sorts and filters it in the browser.
 * Beyond that the server pages: sort and filters are pushed down, the grid asks for the windows
 * it shows, and the scrollbar still spans every matching row.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useServerBlocks } from "@/components/grid/use-server-blocks";
import { useLatest } from "@/components/grid/use-latest";
import type { TableRefInput } from "@/lib/schemas/tables";
import type { TableView } from "@/lib/schemas/table-view";
import { useTRPC } from "@/lib/trpc/client";

export function useTableRows(options: { datasourceId: string; table: TableRefInput; serverView: TableView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { datasourceId, table, serverView } = options;
  // Count first (with one row for the columns): a table too big for the browser never loads its first 100,000 rows.
  const first = useQuery(trpc.tables.browse.queryOptions({ datasourceId, table, offset: 0, limit: 1, withCount: true }, { retry: false, staleTime: Infinity }));
  const serverPaged = first.data !== undefined && (first.data.totalCount ?? 0) > first.data.clientLimit;
  const whole = useQuery(
    trpc.tables.browse.queryOptions({ datasourceId, table, offset: 0, limit: first.data?.clientLimit ?? 100_000, withCount: false }, { enabled: first.data !== undefined && !serverPaged, retry: false, staleTime: Infinity }),
  );
  // Sorting does not change the count: only a filtered view needs its own (a second count of a
  // large table would also hold up the first block it runs beside).
  const filtered = serverView.filters.length > 0;
  const count = useQuery(
    trpc.tables.browse.queryOptions({ datasourceId, table, view: serverView, offset: 0, limit: 1, withCount: true }, { enabled: serverPaged && filtered, retry: false, staleTime: Infinity }),
  );
  const viewTotal = filtered ? (count.data?.totalCount ?? null) : (first.data?.totalCount ?? null);
  // Only this view's own count may place a page from the end.
  const knownTotal = useLatest(viewTotal);
  // The previous block's last key lets a view in key order continue after it (keyset) rather than skip `offset` rows.
  const [keyColumn, ...otherKeys] = first.data?.primaryKey ?? [];
  const seekColumn = otherKeys.length === 0 ? keyColumn : undefined;
  const fetchBlock = useCallback(
    async (offset: number, limit: number, previous: Record<string, unknown> | undefined) => {
      const key = seekColumn === undefined ? undefined : previous?.[seekColumn];
      const after = typeof key === "number" && Number.isSafeInteger(key) ? { afterKey: key } : {};
      // With the count it has shown, a deep page in key order is found from the nearer end.
      const known = knownTotal.current === null ? {} : { knownTotal: knownTotal.current };
      return (await queryClient.fetchQuery(trpc.tables.browse.queryOptions({ datasourceId, table, view: serverView, offset, limit, withCount: false, ...after, ...known }, { staleTime: 60_000 }))).rows;
    },
    [datasourceId, knownTotal, queryClient, seekColumn, serverView, table, trpc],
  );
  // Until a filtered view's count arrives the scrollbar keeps the table's (the rows load as they come).
  const total = serverPaged ? (viewTotal ?? first.data?.totalCount ?? 0) : (whole.data?.rows.length ?? 0);
  const blocks = useServerBlocks({ viewKey: JSON.stringify(serverView), total, enabled: serverPaged, fetchBlock });

  const meta = useMemo(() => (first.data ? { ...first.data, rows: whole.data?.rows ?? first.data.rows } : null), [first.data, whole.data]);
  const { reset } = blocks;
  const reload = useCallback(async () => {
    reset();
    await queryClient.invalidateQueries({ queryKey: trpc.tables.browse.queryKey() });
  }, [queryClient, reset, trpc]);

  return {
    // The metadata, with the rows the grid infers column types from.
    meta,
    // A disabled query stays "pending": only wait for the whole table once the count says it will load.
    isLoading: first.isPending || (first.data !== undefined && !serverPaged && whole.isPending),
    error: first.error ?? whole.error ?? count.error ?? blocks.error,
    serverPaged,
    rows: serverPaged ? blocks.rows : (whole.data?.rows ?? []),
    total,
    requestRows: blocks.requestRows,
    reload,
  };
}
