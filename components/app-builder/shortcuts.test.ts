import { describe, expect, it } from "vitest";
import { shortcutCommand } from "./shortcuts";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  shortcutCommand({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("builder shortcuts", () => {
  it("maps Ctrl and Cmd combinations to commands", () => {
    expect(press("s", { ctrlKey: true })).toBe("save");
    expect(press("z", { metaKey: true })).toBe("undo");
    expect(press("Z", { metaKey: true, shiftKey: true })).toBe("redo");
    expect(press("y", { ctrlKey: true })).toBe("redo");
    expect(press("d", { ctrlKey: true })).toBe("duplicate");
  });

  it("ignores plain keys and Alt combinations", () => {
    expect(press("s")).toBeNull();
    expect(press("z", { ctrlKey: true, altKey: true })).toBeNull();
    expect(press("y", { metaKey: true })).toBeNull();
  });
});
