"use client";
/**
 * Rows for a server-paged grid: a sparse array of `total` rows filled block by block as the
 * grid asks for windows (`requestRows`). Blocks belong to one view (`viewKey`: sort + filters);
 * a new view starts empty. The parent supplies how a block is fetched.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import type { GridRow } from "./types";

export interface ServerBlocksOptions {
  viewKey: string;
  total: number;
  enabled: boolean;
  blockSize?: number;
  /** `previous`: the last row of the block just before, when it is loaded (a source may continue after it: keyset paging). */
  fetchBlock: (offset: number, limit: number, previous: GridRow | undefined) => Promise<GridRow[]>;
}

export function useServerBlocks({ viewKey, total, enabled, blockSize = 500, fetchBlock }: ServerBlocksOptions) {
  const [blocks, setBlocks] = useState<{ viewKey: string; rows: Map<number, GridRow[]> }>({ viewKey, rows: new Map() });
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(new Set<string>());
  const current = useMemo(() => (blocks.viewKey === viewKey ? blocks.rows : new Map<number, GridRow[]>()), [blocks, viewKey]);

  const requestRows = useCallback(
    (start: number, end: number) => {
      if (!enabled) return;
      for (let block = Math.floor(start / blockSize); block * blockSize < end; block += 1) {
        const id = `${viewKey}#${block}`;
        if (current.has(block) || inFlight.current.has(id)) continue;
        inFlight.current.add(id);
        const before = current.get(block - 1);
        fetchBlock(block * blockSize, blockSize, before?.length === blockSize ? before[blockSize - 1] : undefined)
          .then((rows) =>
            setBlocks((previous) => {
              const next = previous.viewKey === viewKey ? new Map(previous.rows) : new Map<number, GridRow[]>();
              next.set(block, rows);
              return { viewKey, rows: next };
            }),
          )
          .catch((caught: unknown) => setError(caught))
          .finally(() => inFlight.current.delete(id));
      }
    },
    [blockSize, current, enabled, fetchBlock, viewKey],
  );

  const { rows, positions } = useMemo(() => {
    const sparse: (GridRow | undefined)[] = new Array(total);
    const at = new WeakMap<GridRow, number>();
    for (const [block, blockRows] of current) {
      blockRows.forEach((row, index) => {
        sparse[block * blockSize + index] = row;
        at.set(row, block * blockSize + index);
      });
    }
    return { rows: sparse, positions: at };
  }, [blockSize, current, total]);

  /** A row's position in the current view: its identity when the rows have no key of their own. */
  const positionOf = useCallback((row: GridRow) => positions.get(row) ?? -1, [positions]);
  const reset = useCallback(() => setBlocks({ viewKey, rows: new Map() }), [viewKey]);
  return { rows, positionOf, requestRows, reset, error };
}
