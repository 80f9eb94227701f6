"use client";
/** The signed-in user's id for client components that keep per-user state (e.g. staged edits in localStorage). */
import { createContext, useContext, type ReactNode } from "react";

const CurrentUserIdContext = createContext<string | null>(null);

export function CurrentUserIdProvider({ userId, children }: { userId: string; children: ReactNode }) {
  return <CurrentUserIdContext.Provider value={userId}>{children}</CurrentUserIdContext.Provider>;
}

/** The signed-in user's id; null outside the workspace shell. */
export function useCurrentUserId(): string | null {
  return useContext(CurrentUserIdContext);
}
