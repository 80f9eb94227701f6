import { describe, expect, it } from "vitest";
import { clearLocalDrafts, userDraftKey } from "@/lib/local-drafts";

function memoryStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get length() {
      return map.size;
    },
    key: (index: number) => [...map.keys()][index] ?? null,
    removeItem: (key: string) => void map.delete(key),
  };
}

describe("userDraftKey", () => {
  it("gives two users different keys for the same table", () => {
    const table = "rowcraft.edits.source1.main.orders";
    expect(userDraftKey("user-a", table)).toBe("rowcraft.user.user-a/rowcraft.edits.source1.main.orders");
    expect(userDraftKey("user-a", table)).not.toBe(userDraftKey("user-b", table));
  });

  it("cannot be made to collide by a user id with the separator in it", () => {
    expect(userDraftKey("a/b", "c")).not.toBe(userDraftKey("a", "b/c"));
  });
});

describe("clearLocalDrafts", () => {
  it("removes Rowcraft's keys and nothing else", () => {
    const storage = memoryStorage({
      [userDraftKey("u1", "rowcraft.edits.s.main.orders")]: "[]",
      "rowcraft.workbench.s": "select 1",
      "rowcraft:app-draft:app1:v3": "{}",
      "another-app.setting": "keep",
    });
    expect(clearLocalDrafts(storage)).toBe(3);
    expect([...storage.map.keys()]).toEqual(["another-app.setting"]);
  });
});
