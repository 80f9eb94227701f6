/**
 * Reading the demo database behind the UI's back for the actions specs: a read query through
 * the workbench API (`queries.run`, as the app's client sends it), with the session of the
 * request context (sign in first with signInThroughApi).
 */
import { expect, type APIRequestContext } from "@playwright/test";

async function trpc<T>(request: APIRequestContext, procedure: string, input: unknown, method: "get" | "post"): Promise<T> {
  const response =
    method === "get"
      ? await request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await request.post(`/api/trpc/${procedure}`, { data: { json: input }, headers: { "content-type": "application/json" } });
  const text = await response.text();
  expect(response.status(), `${procedure}: ${text.slice(0, 500)}`).toBe(200);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

async function acmeOpsId(request: APIRequestContext): Promise<string> {
  const sources = await trpc<{ id: string; name: string }[]>(request, "datasources.list", undefined, "get");
  const source = sources.find((candidate) => candidate.name === "Acme Ops");
  if (!source) throw new Error("No Acme Ops data source");
  return source.id;
}

export interface RefundRow {
  order_id: number;
  amount_cents: number;
  reason: string;
}

/** The refunds of some orders, as the database has them now. */
export async function refundsOf(request: APIRequestContext, orderIds: number[]): Promise<RefundRow[]> {
  const result = await trpc<{ ok: boolean; rows?: RefundRow[]; error?: { message: string } }>(
    request,
    "queries.run",
    {
      datasourceId: await acmeOpsId(request),
      sql: `select order_id, amount_cents, reason from refunds where order_id in (${orderIds.map(Number).join(", ")}) order by id`,
      mode: "read",
      params: {},
      preview: false,
      runId: `e2e-refunds-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    },
    "post",
  );
  if (!result.ok || !result.rows) throw new Error(`queries.run failed: ${JSON.stringify(result.error)}`);
  return result.rows.map((row) => ({ order_id: Number(row.order_id), amount_cents: Number(row.amount_cents), reason: row.reason }));
}

/** The notes of some orders, by id, as the database has them now. */
export async function notesOf(request: APIRequestContext, orderIds: number[]): Promise<Record<number, string | null>> {
  const result = await trpc<{ ok: boolean; rows?: { id: number; notes: string | null }[]; error?: { message: string } }>(
    request,
    "queries.run",
    {
      datasourceId: await acmeOpsId(request),
      sql: `select id, notes from orders where id in (${orderIds.map(Number).join(", ")}) order by id`,
      mode: "read",
      params: {},
      preview: false,
      runId: `e2e-notes-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    },
    "post",
  );
  if (!result.ok || !result.rows) throw new Error(`queries.run failed: ${JSON.stringify(result.error)}`);
  return Object.fromEntries(result.rows.map((row) => [Number(row.id), row.notes]));
}
