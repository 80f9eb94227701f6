/** The tRPC endpoint (server/trpc/http-handler.ts: CSRF refusal, size and batch limits, then tRPC). */
import { createRequestContext } from "@/server/trpc/context";
import { handleTrpcRequest } from "@/server/trpc/http-handler";

function handler(request: Request) {
  return handleTrpcRequest(request, { createContext: (resHeaders) => createRequestContext(request, resHeaders) });
}

export { handler as GET, handler as POST };
