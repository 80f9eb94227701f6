/** Turns a tRPC client error into one plain sentence for the UI (zod field messages first). */
import { TRPCClientError } from "@trpc/client";

interface ErrorData {
  zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
}

export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData | undefined;
    const zod = data?.zodError;
    if (zod) {
      const messages = [...zod.formErrors, ...Object.values(zod.fieldErrors).flatMap((list) => list ?? [])];
      if (messages.length) return messages.join(" ");
    }
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong. Try again.";
}
