// State shared by the dialect checkers while they walk one statement: the policy and function
// checks (so both walkers refuse things with the same codes and messages) and what they collect
// (tables read and written, positions of bound-parameter nodes, the shape of a write, the
// projection of a single-table read).
import { fail } from "./errors";
import { functionRefusal } from "./functions";
import { sqliteFunctionTableRefusal } from "./functions/sqlite";
import {
  isReadable,
  isWritable,
  notReadableMessage,
  notWritableMessage,
  resolveTable,
  type ResolvedTable,
  type TableRef,
} from "./policy";
import type { Dialect, GuardMode, ReadProjection, TablePolicy } from "./types";
import type { WriteShape } from "./write-shape";

export class CheckContext {
  readonly tablesRead: string[] = [];
  readonly tablesWritten: string[] = [];
  /** Offsets (in the user's SQL) of every parameter node the parser produced. */
  readonly parameterPositions: number[] = [];
  /** Set by the checkers for INSERT/UPDATE/DELETE: what a preview needs to sample rows. */
  writeShape: WriteShape | null = null;
  /** Set by the checkers for an accepted read that maps 1:1 to one table. */
  projection: ReadProjection | null = null;

  constructor(
    readonly dialect: Dialect,
    readonly mode: GuardMode,
    readonly policy: TablePolicy,
    /** Where the statement starts; used when a node carries no position of its own. */
    readonly statementPosition: number,
  ) {}

  readTable(ref: TableRef, position: number | null): ResolvedTable {
    this.checkFunctionTable(ref, position);
    const table = resolveTable(this.dialect, ref);
    if (!isReadable(this.dialect, this.policy, table)) {
      fail("table_not_readable", notReadableMessage(this.dialect, table, ref), position ?? this.statementPosition);
    }
    if (!this.tablesRead.includes(table.display)) this.tablesRead.push(table.display);
    return table;
  }

  writeTable(ref: TableRef, position: number | null): ResolvedTable {
    this.checkFunctionTable(ref, position);
    const table = resolveTable(this.dialect, ref);
    if (!isWritable(this.dialect, this.policy, table)) {
      fail("table_not_writable", notWritableMessage(table), position ?? this.statementPosition);
    }
    if (!this.tablesWritten.includes(table.display)) this.tablesWritten.push(table.display);
    return table;
  }

  /** SQLite table-valued functions named without parentheses are function calls, not tables. */
  private checkFunctionTable(ref: TableRef, position: number | null): void {
    const refusal = this.dialect === "sqlite" ? sqliteFunctionTableRefusal(ref.name) : null;
    if (refusal) fail("forbidden_function", refusal, position ?? this.statementPosition);
  }

  checkFunction(parts: readonly string[], position: number | null): void {
    const refusal = functionRefusal(this.dialect, parts);
    if (refusal) fail("forbidden_function", refusal, position ?? this.statementPosition);
  }

  forbidden(message: string, position: number | null): never {
    fail("forbidden_statement", message, position ?? this.statementPosition);
  }
}
