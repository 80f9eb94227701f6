/** How a tRPC call failed, for tests: the TRPCError itself, or only its code. Other errors are rethrown. */
import { TRPCError } from "@trpc/server";

/** The TRPCError a call fails with; null when it succeeds. */
export async function trpcErrorOf(promise: Promise<unknown>): Promise<TRPCError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
}

/** The TRPCError code a call fails with ("FORBIDDEN"); null when it succeeds. */
export async function trpcCodeOf(promise: Promise<unknown>): Promise<string | null> {
  return (await trpcErrorOf(promise))?.code ?? null;
}
