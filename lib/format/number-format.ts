/**
 * How a number is shown, said explicitly: a plain number, money (stored in cents or in units,
 * with a fixed currency or one read from another column of the row), or a percent (the value is
 * a fraction of 1 or already out of 100); decimals and compact notation are options. One
 * schema and one formatter serve stat tiles, grid columns, chart axes and tooltips, so the same
 * stored value never reads as two different amounts. Pure and isomorphic.
 *
 * Legacy documents name a format by a word only ("money", "percent", "number"). Their meaning
 * is fixed by `resolveNumberFormat`: "money" was always integer cents in USD, "percent" was a
 * value already out of 100 (`round(rate * 100, 1)`), so old apps keep rendering what they did.
 */
import { z } from "zod";

const decimalsSchema = z.number().int().min(0).max(6);
const currencySchema = z.string().regex(/^[A-Z]{3}$/, { message: "Use a three-letter ISO currency code, like USD or EUR." });

export const numberFormatSchema = z.discriminatedUnion("style", [
  z.strictObject({ style: z.literal("number"), decimals: decimalsSchema.optional(), compact: z.boolean().optional() }),
  z.strictObject({
    style: z.literal("money"),
    /** What the stored number counts: 1234 in cents is $12.34, in units it is $1,234.00. */
    unit: z.enum(["cents", "units"]),
    /** The currency when no column gives one (or the column's value is not a currency code). */
    currency: currencySchema.default("USD"),
    /** A column of the same row that holds the currency code (grid columns and chart rows). */
    currencyColumn: z.string().min(1).max(200).optional(),
    decimals: decimalsSchema.optional(),
    compact: z.boolean().optional(),
  }),
  z.strictObject({
    style: z.literal("percent"),
    /** 1: 0.125 is 12.5%. 100: 12.5 is 12.5%. */
    of: z.union([z.literal(1), z.literal(100)]),
    decimals: decimalsSchema.optional(),
  }),
]);
export type NumberFormat = z.output<typeof numberFormatSchema>;
export type NumberFormatInput = z.input<typeof numberFormatSchema>;

/** Format words of documents saved before formats said their unit. */
export const LEGACY_NUMBER_FORMATS = ["number", "money", "percent"] as const;
export type LegacyNumberFormat = (typeof LEGACY_NUMBER_FORMATS)[number];

/**
 * A document's format, legacy word or explicit, as an explicit format. The migration rule:
 * "money" = integer cents in USD, "percent" = out of 100, "number" = plain number.
 */
export function resolveNumberFormat(format: LegacyNumberFormat | NumberFormatInput): NumberFormat {
  if (format === "money") return { style: "money", unit: "cents", currency: "USD" };
  if (format === "percent") return { style: "percent", of: 100 };
  if (format === "number") return { style: "number" };
  return numberFormatSchema.parse(format);
}

export interface FormatOptions {
  /** BCP 47 locale; the runtime's (the user's browser) by default. */
  locale?: string;
  /** The row the value is in, for `currencyColumn`. */
  row?: Readonly<Record<string, unknown>>;
  /** Force compact notation (chart axis ticks). */
  compact?: boolean;
}

/**
 * The value as decimal text, exactly: numbers, bigints and numeric strings ("12.50", int8 cents
 * as text) are kept digit for digit; cents are shifted two places without floating point.
 */
function decimalText(value: unknown): string | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === "bigint") text = value.toString();
  else if (typeof value === "string" && value.trim() !== "") text = value.trim();
  else return null;
  if (/e/i.test(text)) {
    const n = Number(text);
    if (!Number.isFinite(n)) return null;
    text = n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  }
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? text : null;
}

/** Moves the decimal point of a decimal text `places` to the left: ("1234", 2) → "12.34". */
function shiftLeft(text: string, places: number): string {
  const negative = text.startsWith("-");
  const unsigned = text.replace(/^[+-]/, "");
  const [whole = "", fraction = ""] = unsigned.split(".");
  const digits = (whole || "0").padStart(places + 1, "0");
  const shifted = `${digits.slice(0, -places)}.${digits.slice(-places)}${fraction}`;
  return `${negative ? "-" : ""}${shifted}`;
}

function currencyOf(format: Extract<NumberFormat, { style: "money" }>, row: FormatOptions["row"]): string {
  const fromRow = format.currencyColumn ? row?.[format.currencyColumn] : undefined;
  return typeof fromRow === "string" && /^[A-Za-z]{3}$/.test(fromRow.trim()) ? fromRow.trim().toUpperCase() : format.currency;
}

// Intl.NumberFormat objects are costly to build; a grid formats thousands of cells with a few formats.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** Intl formats a decimal string exactly (ES2023); the cast is for lib typings that predate it. */
const formatDecimal = (nf: Intl.NumberFormat, text: string): string => nf.format(text as unknown as number);

/**
 * The value as text in the format, or null when it is not a number (the caller shows it as it
 * is). Null and undefined are not numbers either: empty cells are the caller's to mark.
 */
export function formatNumber(value: unknown, format: NumberFormat, options: FormatOptions = {}): string | null {
  const text = decimalText(value);
  if (text === null) return null;
  const compact = options.compact ?? ("compact" in format ? format.compact : undefined);
  const notation: Intl.NumberFormatOptions = compact ? { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: format.decimals ?? 1 } : {};
  const digits = (fallbackMax: number): Intl.NumberFormatOptions =>
    format.decimals === undefined ? { maximumFractionDigits: fallbackMax } : { minimumFractionDigits: format.decimals, maximumFractionDigits: format.decimals };
  switch (format.style) {
    case "number":
      return formatDecimal(formatter(options.locale, { ...digits(2), ...notation }), text);
    case "money": {
      const amount = format.unit === "cents" ? shiftLeft(text, 2) : text;
      const fixed: Intl.NumberFormatOptions = format.decimals === undefined ? {} : { minimumFractionDigits: format.decimals, maximumFractionDigits: format.decimals };
      return formatDecimal(formatter(options.locale, { style: "currency", currency: currencyOf(format, options.row), ...fixed, ...notation }), amount);
    }
    case "percent": {
      // Intl's percent multiplies by 100: a value out of 100 is shifted back first, exactly.
      const fraction = format.of === 100 ? shiftLeft(text, 2) : text;
      return formatDecimal(formatter(options.locale, { style: "percent", ...digits(2) }), fraction);
    }
  }
}

/** A value typical of the format's unit, for the inspector's live example. */
export function exampleValue(format: NumberFormat): number {
  if (format.style === "money") return format.unit === "cents" ? 123456 : 1234.56;
  if (format.style === "percent") return format.of === 1 ? 0.125 : 12.5;
  return 1234567.891;
}

/** "123456 shows as $1,234.56": what the inspector says under a format. */
export function describeExample(format: NumberFormat, locale?: string): string {
  const value = exampleValue(format);
  return `${value} shows as ${formatNumber(value, format, { locale }) ?? String(value)}`;
}
