/**
 * @rowcraft/actions — serve Rowcraft actions from your own service with the same contract as
 * Rowcraft's local actions. See README.md.
 */
export { ActionError, defineAction, hasRole, isRowTarget, ROLES, type ActionContext, type ActionDefinition, type ActionTarget, type ActionUser, type AnyAction, type InvocationApp, type Role, type RowPrecondition, type SqlTx } from "./define-action.ts";
export { IDEMPOTENCY_TABLE_DDL, postgresIdempotency, type IdempotencyStore, type PgClientLike, type PgPoolLike } from "./idempotency.ts";
export { buildManifest, describeAction } from "./manifest.ts";
export { createActionService, type ActionService, type ActionServiceOptions, type RawRequest, type RawResponse } from "./service.ts";
export * from "./protocol.ts";
