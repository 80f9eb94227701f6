// Converts the positions the parsers report into offsets in the user's SQL (UTF-16 code units,
// i.e. JavaScript string indices). libpg-query reports node locations in UTF-8 bytes and syntax
// errors in code points; sqlparser-rs reports 1-based line/column where columns count code
// points. The text handed to the parsers has the same UTF-16 layout as the user's text (templates
// are padded, not shortened), so an index into one is an index into the other.

const ASCII_ONLY = /^[\x00-\x7f]*$/;

export class TextPositions {
  private readonly text: string;
  private readonly ascii: boolean;
  private lineStarts: number[] | null = null;
  private byteToIndex: Int32Array | null = null;

  constructor(text: string) {
    this.text = text;
    this.ascii = ASCII_ONLY.test(text);
  }

  /** UTF-8 byte offset → string index (null for negative "unknown" locations). */
  fromByteOffset(byteOffset: number): number | null {
    if (byteOffset < 0) return null;
    if (this.ascii) return Math.min(byteOffset, this.text.length);
    const table = this.byteTable();
    return table[Math.min(byteOffset, table.length - 1)] ?? null;
  }

  /** 0-based code point offset → string index. */
  fromCodePointOffset(codePoints: number): number | null {
    if (codePoints < 0) return null;
    if (this.ascii) return Math.min(codePoints, this.text.length);
    return this.advanceCodePoints(0, codePoints);
  }

  /** 1-based line and code-point column (sqlparser-rs spans and error messages) → string index. */
  fromLineColumn(line: number, column: number): number | null {
    if (line < 1 || column < 1) return null;
    const starts = this.lines();
    const start = starts[line - 1];
    if (start === undefined) return null;
    if (this.ascii) return Math.min(start + column - 1, this.text.length);
    return this.advanceCodePoints(start, column - 1);
  }

  private advanceCodePoints(from: number, count: number): number {
    let index = from;
    for (let n = 0; n < count && index < this.text.length; n++) {
      const code = this.text.charCodeAt(index);
      index += code >= 0xd800 && code <= 0xdbff && index + 1 < this.text.length ? 2 : 1;
    }
    return index;
  }

  private lines(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    for (let i = 0; i < this.text.length; i++) {
      // sqlparser-rs counts "\n" as the line break ("\r\n" ends in "\n" too).
      if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
    return starts;
  }

  private byteTable(): Int32Array {
    if (this.byteToIndex) return this.byteToIndex;
    const bytes: number[] = [];
    for (let i = 0; i < this.text.length; ) {
      const cp = this.text.codePointAt(i) ?? 0;
      const width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (let b = 0; b < width; b++) bytes.push(i);
      i += cp >= 0x10000 ? 2 : 1;
    }
    bytes.push(this.text.length);
    this.byteToIndex = Int32Array.from(bytes);
    return this.byteToIndex;
  }
}
