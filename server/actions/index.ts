/**
 * Engineer-owned actions: what action files import (`defineAction`, `ActionError`) and what the
 * router and start-up code use. See docs/actions.md for the guide.
 */
export { ActionError, defineAction, type ActionContext, type ActionDefinition, type ActionUser, type AnyAction } from "./define-action";
export type { ActionDatabase, ActionQueryResult, ActionTx } from "./databases/types";
export { ACTIONS, actionRegistry, createActionRegistry, listActions, type ActionRegistry } from "./registry";
export { runAction } from "./run-action";
export { actionRunnerFor, recoverInterruptedRuns } from "./runs/action-runner";
export { cancelRun, resumeRun, retryFailed, startRun } from "./runs/run-commands";
export { getRunView, listRuns } from "./runs/run-view";
