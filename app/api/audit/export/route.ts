/** Downloads the filtered audit log as CSV. The admin check is the procedure's, as everywhere. */
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { auditFilterSchema } from "@/lib/schemas/audit";
import { createRequestContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export async function GET(request: Request) {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const filter = auditFilterSchema.safeParse(params);
  if (!filter.success) return Response.json({ error: filter.error.issues[0]?.message ?? "Bad filter." }, { status: 400 });
  try {
    const caller = createCaller(await createRequestContext(request));
    const { csv } = await caller.audit.exportCsv(filter.data);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="rowcraft-audit-${day}.csv"` } });
  } catch (error) {
    if (error instanceof TRPCError) return Response.json({ error: error.message }, { status: getHTTPStatusCodeFromError(error) });
    throw error;
  }
}
