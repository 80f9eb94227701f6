import type { AppDocument, AppQuery } from "@/lib/app-document";
import type { ActionSummary } from "@/lib/schemas/actions";
import type { OpenAppView, VersionRef } from "@/lib/schemas/apps";
import type { QueryResult, paramValueSchema } from "@/lib/schemas/queries";
import type { z } from "zod";

export type ParamValue = z.infer<typeof paramValueSchema>;

export interface RuntimeApp {
  appId: string;
  /** Which stored version the server runs queries of: "published" for users; "draft" in the builder. */
  version: VersionRef;
  document: AppDocument;
  /** Input JSON Schemas of the actions the app uses. */
  actions: ActionSummary[];
  currentUser: OpenAppView["currentUser"];
}

/**
 * Runs one app query with its evaluated parameters. Default: trpc.apps.runQuery. The builder
 * passes one that runs the unsaved SQL through trpc.queries.run.
 */
export type QueryRunner = (query: AppQuery, params: Record<string, ParamValue>, runId: string, options?: { preview?: boolean }) => Promise<QueryResult>;

/** One query's state as the runtime holds it. */
export interface QueryState {
  /** The last result (kept while a newer run is loading, so widgets don't flash empty). */
  result: QueryResult | null;
  isLoading: boolean;
  /** The params the shown result ran with (table edits are saved with them). */
  params: Record<string, ParamValue> | null;
  /** A parameter binding that failed to evaluate, or a transport failure. */
  error: string | null;
}
