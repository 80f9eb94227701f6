/**
 * The grid's keyboard map as a pure function: a key press (outside a cell editor) → the
 * command it means. use-grid-keyboard.ts carries the commands out. Ctrl and Cmd are the same.
 */
import type { Move } from "./grid-model";

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type GridCommand =
  | { kind: "move"; move: Move; extend: boolean }
  | { kind: "tab"; backward: boolean }
  | { kind: "enter"; backward: boolean }
  | { kind: "edit"; initialText: string | null }
  | { kind: "toggleBoolean" }
  | { kind: "collapse" }
  | { kind: "clear" }
  | { kind: "undo" }
  | { kind: "redo" }
  | { kind: "fillDown" }
  | { kind: "copy" }
  | { kind: "cut" }
  | { kind: "selectAll" }
  | { kind: "toggleRowSelection" }
  | { kind: "openColumnMenu" };

const ARROWS: Record<string, { move: Move; edge: Move }> = {
  ArrowUp: { move: "up", edge: "edgeUp" },
  ArrowDown: { move: "down", edge: "edgeDown" },
  ArrowLeft: { move: "left", edge: "edgeLeft" },
  ArrowRight: { move: "right", edge: "edgeRight" },
};

/**
 * `null` means "not ours": the browser keeps its default (Ctrl+V must stay native so the
 * `paste` event fires with the clipboard text).
 */
export function keyToCommand(press: KeyPress): GridCommand | null {
  const mod = press.ctrlKey || press.metaKey;
  const { key, shiftKey: shift, altKey: alt } = press;
  const arrow = ARROWS[key];
  if (arrow) {
    if (alt) return key === "ArrowDown" && !mod ? { kind: "openColumnMenu" } : null;
    return { kind: "move", move: mod ? arrow.edge : arrow.move, extend: shift };
  }
  if (alt) return null;
  if (mod) {
    switch (key.toLowerCase()) {
      case "z":
        return shift ? { kind: "redo" } : { kind: "undo" };
      case "y":
        return { kind: "redo" };
      case "d":
        return { kind: "fillDown" };
      case "c":
        return { kind: "copy" };
      case "x":
        return { kind: "cut" };
      case "a":
        return { kind: "selectAll" };
      case "home":
        return { kind: "move", move: "gridStart", extend: shift };
      case "end":
        return { kind: "move", move: "gridEnd", extend: shift };
      default:
        return null;
    }
  }
  switch (key) {
    case "Tab":
      return { kind: "tab", backward: shift };
    case "Enter":
      return shift ? { kind: "enter", backward: true } : { kind: "edit", initialText: null };
    case "F2":
      return { kind: "edit", initialText: null };
    case "Home":
      return { kind: "move", move: "rowStart", extend: shift };
    case "End":
      return { kind: "move", move: "rowEnd", extend: shift };
    case "PageUp":
      return { kind: "move", move: "pageUp", extend: shift };
    case "PageDown":
      return { kind: "move", move: "pageDown", extend: shift };
    case "Escape":
      return { kind: "collapse" };
    case "Delete":
    case "Backspace":
      return { kind: "clear" };
    case " ":
      return shift ? { kind: "toggleRowSelection" } : { kind: "toggleBoolean" };
    default:
      // One printable character (not "Shift", "F5", "Dead" …) starts editing with it.
      return [...key].length === 1 ? { kind: "edit", initialText: key } : null;
  }
}
