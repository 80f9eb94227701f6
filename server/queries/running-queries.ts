/**
 * Queries in flight, by the run id the client chose, so "Cancel" can abort one. Only the user
 * who started a run may cancel it.
 */
const running = new Map<string, { userId: string; controller: AbortController }>();

export function registerRun(runId: string, userId: string): AbortController {
  const controller = new AbortController();
  running.set(runId, { userId, controller });
  return controller;
}

export function finishRun(runId: string): void {
  running.delete(runId);
}

/** True when a run of this user was found and cancelled. */
export function cancelRun(runId: string, userId: string): boolean {
  const entry = running.get(runId);
  if (!entry || entry.userId !== userId) return false;
  entry.controller.abort();
  return true;
}
