/**
 * Transport limits of the tRPC endpoint, each configurable by env (README, Configuration):
 * - ROWCRAFT_MAX_BODY_BYTES (default 1 MiB): a larger request body is refused with HTTP 413
 *   before it is parsed — counted while streaming, so a missing or false Content-Length does
 *   not get around it.
 * - ROWCRAFT_MAX_BATCH (default 10, never below 10 because the browser batches up to 10): a
 *   batched request with more calls is refused, so one request cannot carry unbounded work.
 * - `auth.*` calls are never accepted in a batch, so one request checks at most one password.
 */
import { TRPCError } from "@trpc/server";
import { BROWSER_MAX_BATCH } from "@/lib/trpc/batch-limit";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface RequestLimits {
  maxBodyBytes: number;
  maxBatch: number;
}

function positiveInteger(text: string | undefined, name: string): number | null {
  if (text === undefined || text.trim() === "") return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0 (it is "${text}").`);
  return value;
}

export function requestLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RequestLimits {
  return {
    maxBodyBytes: positiveInteger(env.ROWCRAFT_MAX_BODY_BYTES, "ROWCRAFT_MAX_BODY_BYTES") ?? DEFAULT_MAX_BODY_BYTES,
    // Below the browser's own batch size the app itself would break, so the setting only raises it.
    maxBatch: Math.max(BROWSER_MAX_BATCH, positiveInteger(env.ROWCRAFT_MAX_BATCH, "ROWCRAFT_MAX_BATCH") ?? BROWSER_MAX_BATCH),
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

function bodyTooLarge(maxBytes: number): TRPCError {
  return new TRPCError({
    code: "PAYLOAD_TOO_LARGE",
    message: `The request is larger than ${formatBytes(maxBytes)}, the most this server accepts. Send less data at once (an administrator can raise ROWCRAFT_MAX_BODY_BYTES).`,
  });
}

/**
 * The same request with a body that fails with a 413 TRPCError once more than `maxBytes`
 * arrive. tRPC reads the body lazily and passes a TRPCError from reading through unchanged,
 * so the refusal reaches the client in tRPC's own shape (for batches too).
 */
export function limitBody(request: Request, maxBytes: number): Request {
  const source = request.body;
  if (!source) return request;
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  const refuseAtOnce = Number.isFinite(declared) && declared > maxBytes;
  const reader = source.getReader();
  let seen = 0;
  const limited = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (refuseAtOnce) {
        await reader.cancel();
        controller.error(bodyTooLarge(maxBytes));
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      seen += value.byteLength;
      if (seen > maxBytes) {
        await reader.cancel();
        controller.error(bodyTooLarge(maxBytes));
        return;
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  // `duplex` is required by Node for a streamed request body; TypeScript's DOM types lack it.
  const init: RequestInit & { duplex: "half" } = { method: request.method, headers: request.headers, body: limited, signal: request.signal, duplex: "half" };
  return new Request(request.url, init);
}

/** Refuses an oversized batch, or any batch with a sign-in call in it (before any call runs). */
export function assertBatchAllowed(info: { isBatchCall: boolean; calls: ReadonlyArray<{ path: string }> }, limits: RequestLimits): void {
  if (!info.isBatchCall) return;
  if (info.calls.length > limits.maxBatch) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `This request batches ${info.calls.length} calls; at most ${limits.maxBatch} are allowed in one request. Send them in smaller batches.`,
    });
  }
  if (info.calls.some((call) => call.path.startsWith("auth."))) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Sign-in and sign-out calls cannot be batched: send each one as its own request." });
  }
}
