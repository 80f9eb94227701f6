/** Saves text as a file from the browser (a Blob and a temporary download link). */
export function downloadFile(fileName: string, text: string, options: { type: string; byteOrderMark?: boolean }): void {
  // Excel reads UTF-8 CSV correctly only with a byte order mark; JSON for tools must not have one.
  const parts = options.byteOrderMark ? ["\uFEFF", text] : [text];
  const url = URL.createObjectURL(new Blob(parts, { type: options.type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
