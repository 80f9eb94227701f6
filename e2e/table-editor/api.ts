/**
 * tRPC calls for set-up and for checking what is really in the database, made the way the
 * app's client makes them (superjson envelope `{ json }`), with a request context that holds a
 * session cookie (sign in first with signInThroughApi).
 */
import { expect, type APIRequestContext } from "@playwright/test";

type Json = unknown;

async function unwrap(response: Awaited<ReturnType<APIRequestContext["get"]>>, procedure: string): Promise<Json> {
  const text = await response.text();
  expect(response.status(), `${procedure}: ${text.slice(0, 500)}`).toBe(200);
  const body = JSON.parse(text) as { result: { data: { json: Json } } };
  return body.result.data.json;
}

export async function trpcQuery<T>(request: APIRequestContext, procedure: string, input: Json): Promise<T> {
  const response = await request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  return (await unwrap(response, procedure)) as T;
}

export async function trpcMutation<T>(request: APIRequestContext, procedure: string, input: Json): Promise<T> {
  const response = await request.post(`/api/trpc/${procedure}`, { data: { json: input }, headers: { "content-type": "application/json" } });
  return (await unwrap(response, procedure)) as T;
}

/** The id of the demo source, "Acme Ops". */
export async function acmeOpsId(request: APIRequestContext): Promise<string> {
  const sources = await trpcQuery<{ id: string; name: string }[]>(request, "datasources.list", undefined);
  const source = sources.find((candidate) => candidate.name === "Acme Ops");
  if (!source) throw new Error(`No "Acme Ops" source among ${sources.map((s) => s.name).join(", ")}`);
  return source.id;
}

/** Runs a read query through the workbench API and returns its rows. */
export async function readRows<T = Record<string, unknown>>(request: APIRequestContext, datasourceId: string, sql: string): Promise<T[]> {
  const result = await trpcMutation<{ ok: boolean; rows?: T[]; error?: { message: string } }>(request, "queries.run", {
    datasourceId,
    sql,
    mode: "read",
    params: {},
    preview: false,
    runId: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
  });
  if (!result.ok || !result.rows) throw new Error(`queries.run failed: ${JSON.stringify(result.error)}`);
  return result.rows;
}

/** The notes of some orders, by id, as the database has them now. */
export async function orderNotes(request: APIRequestContext, datasourceId: string, ids: number[]): Promise<Record<number, string | null>> {
  const rows = await readRows<{ id: number; notes: string | null }>(request, datasourceId, `select id, notes from orders where id in (${ids.map(Number).join(", ")}) order by id`);
  return Object.fromEntries(rows.map((row) => [Number(row.id), row.notes]));
}

export type SaveResult = { ok: true; updated: number } | { ok: false; reason: "conflict" | "error"; message?: string };

/** Someone else's edit: tables.save on orders, with the value they read as `before`. */
export async function saveOrderNotes(request: APIRequestContext, datasourceId: string, id: number, before: string | null, after: string | null): Promise<SaveResult> {
  return trpcMutation<SaveResult>(request, "tables.save", {
    datasourceId,
    table: { schema: null, name: "orders" },
    updates: [{ key: { id }, changes: { notes: { before, after } } }],
  });
}
