// What each binding function does, for the builder's autocomplete, its Help panel and the /help
// page. Keyed by the function table's names and checked against it by the compiler (a function
// without its entry, or an entry without its function, does not build), so the reference
// cannot drift from what the evaluator runs.
import type { FunctionName } from "./functions";

export interface FunctionDoc {
  /** How it is called: `sum(rows, "field")`. */
  signature: string;
  /** One line: what it returns. */
  summary: string;
  /** A binding a builder can copy. */
  example: string;
  group: "Aggregates" | "Lists" | "Text" | "Numbers" | "Dates" | "Values";
}

export const FUNCTION_DOCS = {
  sum: { signature: 'sum(rows, "field") · sum(list) · sum(a, b, …)', summary: "The total of a column of rows, of a list of numbers, or of the numbers given; nulls are skipped.", example: '{{ sum(orders.data, "total") }}', group: "Aggregates" },
  avg: { signature: 'avg(rows, "field") · avg(list) · avg(a, b, …)', summary: "The average, nulls skipped; null when there is no value.", example: '{{ avg(orders.data, "total") }}', group: "Aggregates" },
  count: { signature: 'count(rows) · count(rows, "field")', summary: "How many rows, or how many rows have a value (not null) in the field.", example: '{{ count(orders.data, "shipped_at") }}', group: "Aggregates" },
  min: { signature: 'min(rows, "field") · min(list) · min(a, b, …)', summary: "The smallest number, nulls skipped; null when there is no value.", example: '{{ min(orders.data, "total") }}', group: "Aggregates" },
  max: { signature: 'max(rows, "field") · max(list) · max(a, b, …)', summary: "The largest number, nulls skipped; null when there is no value.", example: '{{ max(orders.data, "total") }}', group: "Aggregates" },
  len: { signature: "len(list or text)", summary: "The number of items of a list, or of characters of a text.", example: "{{ len(orders.data) }}", group: "Lists" },
  map: { signature: 'map(rows, "field")', summary: "The values of one field of each row, as a list (same as pluck).", example: '{{ map(table1.selectedRows, "id") }}', group: "Lists" },
  pluck: { signature: 'pluck(rows, "field")', summary: "The values of one field of each row, as a list.", example: '{{ pluck(orders.data, "customer") }}', group: "Lists" },
  join: { signature: 'join(list, separator = ", ")', summary: "The items of a list as one text.", example: '{{ join(pluck(table1.selectedRows, "id"), ", ") }}', group: "Lists" },
  concat: { signature: "concat(a, b, …)", summary: "Texts joined into one, or lists joined into one list.", example: '{{ concat("Order ", table1.selectedRow.id) }}', group: "Text" },
  lower: { signature: "lower(text)", summary: "The text in lower case.", example: "{{ lower(search.value) }}", group: "Text" },
  upper: { signature: "upper(text)", summary: "The text in upper case.", example: "{{ upper(table1.selectedRow.status) }}", group: "Text" },
  trim: { signature: "trim(text)", summary: "The text without spaces at either end.", example: "{{ trim(search.value) }}", group: "Text" },
  round: { signature: "round(number, digits = 0)", summary: "The number rounded to 0–10 digits after the point.", example: '{{ round(avg(orders.data, "total"), 2) }}', group: "Numbers" },
  formatMoney: { signature: 'formatMoney(cents, currency = "USD")', summary: "An amount in cents as money text, e.g. $1,234.50.", example: '{{ formatMoney(sum(orders.data, "total_cents"), "EUR") }}', group: "Numbers" },
  formatDate: { signature: 'formatDate(date, "date" | "datetime")', summary: 'An ISO date as "2026-01-31" or "2026-01-31 14:05 UTC".', example: "{{ formatDate(table1.selectedRow.placed_at) }}", group: "Dates" },
  now: { signature: "now()", summary: "The current time as an ISO timestamp.", example: "{{ now() }}", group: "Dates" },
  daysAgo: { signature: "daysAgo(days)", summary: "The date that many days before today, as 2026-01-31.", example: "{{ daysAgo(30) }}", group: "Dates" },
  coalesce: { signature: "coalesce(a, b, …)", summary: "The first value that is not null.", example: '{{ coalesce(search.value, "") }}', group: "Values" },
} satisfies Record<FunctionName, FunctionDoc>;
