/**
 * CSV per RFC 4180: CRLF line ends, a header line, fields with a comma, quote or line break
 * quoted with inner quotes doubled. Text a spreadsheet would run as a formula (=, +, -, @) is
 * prefixed with an apostrophe, so opening an export of untrusted data cannot run code.
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV line; `raw[i]` true leaves field i as it is (numbers must not get an apostrophe). */
export function csvLine(fields: readonly string[], options: { escapeFormulas?: boolean; raw?: readonly boolean[] } = {}): string {
  const escape = options.escapeFormulas ?? true;
  return fields.map((text, index) => csvField(escape && !options.raw?.[index] ? guardFormula(text) : text)).join(",");
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [csvLine(header), ...rows.map((row) => csvLine(row))].join("\r\n") + "\r\n";
}
