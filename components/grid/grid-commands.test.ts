import { describe, expect, it } from "vitest";
import { keyToCommand, type KeyPress } from "./grid-commands";

const press = (key: string, mods: Partial<Omit<KeyPress, "key">> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("keyToCommand", () => {
  it("maps arrows to moves, Shift to extend and Ctrl/Cmd to the edges", () => {
    expect(keyToCommand(press("ArrowDown"))).toEqual({ kind: "move", move: "down", extend: false });
    expect(keyToCommand(press("ArrowLeft", { shiftKey: true }))).toEqual({ kind: "move", move: "left", extend: true });
    expect(keyToCommand(press("ArrowRight", { ctrlKey: true }))).toEqual({ kind: "move", move: "edgeRight", extend: false });
    expect(keyToCommand(press("ArrowUp", { metaKey: true, shiftKey: true }))).toEqual({ kind: "move", move: "edgeUp", extend: true });
  });

  it("maps Home/End, Ctrl+Home/End and PageUp/PageDown", () => {
    expect(keyToCommand(press("Home"))).toEqual({ kind: "move", move: "rowStart", extend: false });
    expect(keyToCommand(press("End", { shiftKey: true }))).toEqual({ kind: "move", move: "rowEnd", extend: true });
    expect(keyToCommand(press("Home", { ctrlKey: true }))).toEqual({ kind: "move", move: "gridStart", extend: false });
    expect(keyToCommand(press("End", { ctrlKey: true }))).toEqual({ kind: "move", move: "gridEnd", extend: false });
    expect(keyToCommand(press("PageDown"))).toEqual({ kind: "move", move: "pageDown", extend: false });
    expect(keyToCommand(press("PageUp"))).toEqual({ kind: "move", move: "pageUp", extend: false });
  });

  it("maps Tab, Enter, F2 and typing", () => {
    expect(keyToCommand(press("Tab"))).toEqual({ kind: "tab", backward: false });
    expect(keyToCommand(press("Tab", { shiftKey: true }))).toEqual({ kind: "tab", backward: true });
    expect(keyToCommand(press("Enter"))).toEqual({ kind: "edit", initialText: null });
    expect(keyToCommand(press("Enter", { shiftKey: true }))).toEqual({ kind: "enter", backward: true });
    expect(keyToCommand(press("F2"))).toEqual({ kind: "edit", initialText: null });
    expect(keyToCommand(press("a"))).toEqual({ kind: "edit", initialText: "a" });
    expect(keyToCommand(press("A", { shiftKey: true }))).toEqual({ kind: "edit", initialText: "A" });
    expect(keyToCommand(press("é"))).toEqual({ kind: "edit", initialText: "é" });
  });

  it("maps editing commands", () => {
    expect(keyToCommand(press("z", { ctrlKey: true }))).toEqual({ kind: "undo" });
    expect(keyToCommand(press("Z", { ctrlKey: true, shiftKey: true }))).toEqual({ kind: "redo" });
    expect(keyToCommand(press("z", { metaKey: true, shiftKey: true }))).toEqual({ kind: "redo" });
    expect(keyToCommand(press("y", { ctrlKey: true }))).toEqual({ kind: "redo" });
    expect(keyToCommand(press("d", { ctrlKey: true }))).toEqual({ kind: "fillDown" });
    expect(keyToCommand(press("c", { metaKey: true }))).toEqual({ kind: "copy" });
    expect(keyToCommand(press("a", { ctrlKey: true }))).toEqual({ kind: "selectAll" });
    expect(keyToCommand(press("Delete"))).toEqual({ kind: "clear" });
    expect(keyToCommand(press("Backspace"))).toEqual({ kind: "clear" });
    expect(keyToCommand(press("Escape"))).toEqual({ kind: "collapse" });
    expect(keyToCommand(press(" "))).toEqual({ kind: "toggleBoolean" });
    expect(keyToCommand(press(" ", { shiftKey: true }))).toEqual({ kind: "toggleRowSelection" });
    expect(keyToCommand(press("ArrowDown", { altKey: true }))).toEqual({ kind: "openColumnMenu" });
  });

  it("leaves paste, browser shortcuts and non-printable keys alone", () => {
    expect(keyToCommand(press("v", { ctrlKey: true }))).toBeNull();
    expect(keyToCommand(press("r", { ctrlKey: true }))).toBeNull();
    expect(keyToCommand(press("Shift", { shiftKey: true }))).toBeNull();
    expect(keyToCommand(press("F5"))).toBeNull();
    expect(keyToCommand(press("Dead"))).toBeNull();
    expect(keyToCommand(press("x", { altKey: true }))).toBeNull();
  });
});
