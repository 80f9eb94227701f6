// The builder's keyboard shortcuts: one list, read by the key handler's help popover so the
// help never disagrees with what the keys do.
export const SHORTCUTS = [
  { keys: "Ctrl/⌘ + S", does: "Save a version (asks for a message)" },
  { keys: "Ctrl/⌘ + Z", does: "Undo" },
  { keys: "Ctrl/⌘ + Shift + Z, Ctrl + Y", does: "Redo" },
  { keys: "Ctrl/⌘ + D", does: "Duplicate the selected widget" },
  { keys: "Delete / Backspace", does: "Delete the selected widget (canvas focused)" },
  { keys: "Arrow keys", does: "Move the selected widget one cell (canvas focused)" },
  { keys: "Tab", does: "Move between widgets on the canvas (focus selects)" },
  { keys: "Escape", does: "Deselect the widget (canvas focused); close dialogs and this help" },
  { keys: "Ctrl/⌘ + Enter", does: "Run the query (in its SQL editor)" },
] as const;

export type ShortcutCommand = "save" | "undo" | "redo" | "duplicate";

/** The command a key press means anywhere in the builder, or null. */
export function shortcutCommand(event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): ShortcutCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "s" && !event.shiftKey) return "save";
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && event.ctrlKey && !event.shiftKey) return "redo";
  if (key === "d" && !event.shiftKey) return "duplicate";
  return null;
}

/** Typing targets keep their own keys (Delete, arrows, Ctrl+D): inputs, selects and editors. */
export function isEditableTarget(target: EventTarget | null): boolean {
  return typeof HTMLElement !== "undefined" && target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}
