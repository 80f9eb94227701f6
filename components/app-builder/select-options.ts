// A select input's fixed options edited as text, one `value=Label` per line.
/** Static options as lines of `value=Label` (the label defaults to the value). */
export function optionsToText(items: readonly { value: string | number; label: string }[]): string {
  return items.map((item) => (String(item.value) === item.label ? String(item.value) : `${item.value}=${item.label}`)).join("\n");
}

export function textToOptions(text: string): { value: string; label: string }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const at = line.indexOf("=");
      const value = at < 0 ? line : line.slice(0, at).trim();
      const label = at < 0 ? line : line.slice(at + 1).trim();
      return { value, label: label || value };
    });
}
