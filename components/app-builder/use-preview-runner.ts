"use client";
/**
 * The live preview's query runner: runs the CURRENT (unsaved) SQL of a query through the
 * workbench API (`queries.run`, builders only, same guard), so the canvas shows real data for
 * what is being edited, not for the last saved version. The data source is found by name.
 */
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import type { QueryRunner } from "@/components/app-runtime";
import type { QueryFailure } from "@/lib/schemas/queries";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import type { BuilderSource } from "./builder-context";

function failure(code: string, message: string): QueryFailure {
  return { ok: false, error: { source: "guard", code, message, position: null } };
}

export function usePreviewRunner(datasources: readonly BuilderSource[]): QueryRunner {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.queries.run.mutationOptions());
  const latest = useRef({ datasources, mutateAsync });
  useEffect(() => {
    latest.current = { datasources, mutateAsync };
  });
  return useCallback<QueryRunner>(async (query, params, runId, options) => {
    const source = latest.current.datasources.find((candidate) => candidate.name === query.datasource);
    if (!source) return failure("unknown_datasource", `There is no data source named "${query.datasource}"; pick one in the query's settings.`);
    try {
      return await latest.current.mutateAsync({ datasourceId: source.id, sql: query.sql, mode: query.mode, params, runId, preview: options?.preview ?? false });
    } catch (error) {
      return failure("request_failed", errorMessage(error));
    }
  }, []);
}
