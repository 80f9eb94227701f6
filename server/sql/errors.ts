// Internal error plumbing for the guard: checkers throw a GuardFailure at the first problem
// and guardSql() turns it into a `{ ok: false, error }` result. Throwing keeps the recursive
// AST walkers free of result-threading.
import type { GuardError, GuardErrorCode } from "./types";

export class GuardFailure extends Error {
  readonly code: GuardErrorCode;
  readonly position: number | null;

  constructor(code: GuardErrorCode, message: string, position: number | null) {
    super(message);
    this.name = "GuardFailure";
    this.code = code;
    this.position = position;
  }

  toGuardError(): GuardError {
    return { code: this.code, message: this.message, position: this.position };
  }
}

export function fail(code: GuardErrorCode, message: string, position: number | null): never {
  throw new GuardFailure(code, message, position);
}

export const MULTIPLE_STATEMENTS_MESSAGE = 'Only one statement is allowed; remove everything after the first ";".';

export const IDENTIFIER_TEMPLATE_MESSAGE =
  "Templates can only stand for values, not for table or column names, keywords or sort orders. Write the name in the SQL; to choose among columns, use a CASE expression on the value.";
