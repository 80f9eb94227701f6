/**
 * The inspector's format picker as pure functions: which choice a stored format shows as, and
 * the explicit format a choice writes. Legacy words show as what they mean (the word "money" is
 * money in cents, USD); any change writes an explicit format that says its unit.
 */
import { resolveNumberFormat, type NumberFormat } from "@/lib/format";

/** A stored format: a word ("money", "date", "text" …) or an explicit number format; undefined = automatic. */
export type StoredFormat = string | NumberFormat | undefined;
export type FormatChoice = "" | "number" | "money" | "percent" | (string & {});

const NUMBER_WORDS = new Set(["number", "money", "percent"]);

/** The number format a stored format means, or null for words that are not numbers (text, date …). */
export function numberFormatOf(stored: StoredFormat): NumberFormat | null {
  if (stored === undefined) return null;
  if (typeof stored === "string") return NUMBER_WORDS.has(stored) ? resolveNumberFormat(stored as "number" | "money" | "percent") : null;
  return stored;
}

export function choiceOf(stored: StoredFormat): FormatChoice {
  if (stored === undefined) return "";
  return typeof stored === "string" ? stored : stored.style;
}

/** What picking `choice` stores: number styles become explicit formats (keeping decimals where they apply). */
export function formatForChoice(choice: FormatChoice, previous: StoredFormat): StoredFormat {
  if (choice === "") return undefined;
  const before = numberFormatOf(previous);
  const decimals = before?.decimals === undefined ? {} : { decimals: before.decimals };
  if (choice === "money") return before?.style === "money" ? before : { style: "money", unit: "cents", currency: "USD", ...decimals };
  if (choice === "percent") return before?.style === "percent" ? before : { style: "percent", of: 1, ...decimals };
  if (choice === "number") return before?.style === "number" ? before : { style: "number", ...decimals };
  return choice;
}

/** Decimals typed in the inspector: blank is automatic, otherwise a whole number 0–6. */
export function parseDecimals(text: string): number | undefined | null {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 6 ? n : null;
}
