// Allowlist of SQLite built-in functions a Rowcraft query may call. Refused by omission:
// load_extension() (loads native code), readfile()/writefile()/edit() (CLI file access),
// fts3_tokenizer() (a known memory-corruption vector), zeroblob() (allocates at will), the
// pragma_* table-valued functions (they read and, for some pragmas, change settings) and every
// application-defined function.

const AGGREGATES = `count sum total avg min max group_concat string_agg json_group_array json_group_object
  jsonb_group_array jsonb_group_object`;

const WINDOW = `row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value`;

const CORE = `abs round random length octet_length lower upper trim ltrim rtrim substr substring replace instr
  printf format char unicode hex unhex quote like glob coalesce ifnull iif if nullif typeof likely unlikely
  likelihood concat concat_ws sign`;

const DATETIME = `date time datetime julianday unixepoch strftime timediff current_date current_time
  current_timestamp`;

const JSON_FUNCTIONS = `json jsonb json_array jsonb_array json_object jsonb_object json_extract jsonb_extract
  json_insert jsonb_insert json_replace jsonb_replace json_set jsonb_set json_remove jsonb_remove json_patch
  jsonb_patch json_type json_valid json_quote json_array_length json_each json_tree json_error_position
  json_pretty`;

const MATH = `acos acosh asin asinh atan atan2 atanh ceil ceiling cos cosh degrees exp floor ln log log2 log10 mod
  pi pow power radians sin sinh sqrt tan tanh trunc`;

export const SQLITE_FUNCTIONS: ReadonlySet<string> = new Set(
  [AGGREGATES, WINDOW, CORE, DATETIME, JSON_FUNCTIONS, MATH].join(" ").split(/\s+/).filter(Boolean),
);

/** Aggregate and window functions: a read calling one in its select list no longer returns plain table rows. */
export const SQLITE_AGGREGATES: ReadonlySet<string> = new Set([AGGREGATES, WINDOW].join(" ").split(/\s+/).filter(Boolean));

/**
 * Eponymous virtual tables that SQLite lets a query name like a table, without parentheses:
 * `SELECT * FROM pragma_database_list` runs the pragma (file paths, schema, settings) just as
 * `pragma_database_list()` does, `dbstat` lists every table and index with its size, and
 * `sqlite_dbpage` (when compiled in) returns raw database pages — the contents of every table,
 * readable or not. They are refused as the functions they are, whatever the policy or schema
 * prefix says. sqlite_master/sqlite_schema/sqlite_sequence/sqlite_stat* stay ordinary system
 * catalogs: readable only with "Allow system catalogs", never writable (policy.ts).
 */
const FUNCTION_TABLES = new Set(["dbstat", "sqlite_dbpage", "sqlite_stmt"]);

export function sqliteFunctionTableRefusal(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower.startsWith("pragma_")) {
    return `${name} is a PRAGMA used as a table; pragmas reveal file paths and schema and are not allowed in Rowcraft queries.`;
  }
  if (FUNCTION_TABLES.has(lower)) {
    return `${name} is a built-in SQLite virtual table that reveals the database's files, pages or statements; it is not allowed in Rowcraft queries.`;
  }
  return null;
}
