import { describe, expect, it } from "vitest";
import { appDocumentSchema } from "@/lib/app-document";
import { orderDeskApp } from "@/lib/app-document/demo-apps";
import { draftKey, findOlderDraft, readDraft, removeDraft, sameDocument, writeDraft } from "./draft-storage";

function memoryStore() {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const doc = appDocumentSchema.parse(orderDeskApp);

describe("draft storage", () => {
  it("keys drafts by app and base version", () => {
    expect(draftKey("app1", 3)).toBe("rowcraft:app-draft:app1:v3");
  });

  it("writes, reads and removes a draft", () => {
    const store = memoryStore();
    const key = draftKey("app1", 1);
    expect(writeDraft(store, key, doc, new Date("2026-01-02T03:04:05Z"))).toBe(true);
    expect(readDraft(store, key)).toEqual({ document: doc, savedAt: "2026-01-02T03:04:05.000Z" });
    removeDraft(store, key);
    expect(readDraft(store, key)).toBeNull();
  });

  it("ignores unreadable drafts and survives a refusing store", () => {
    const store = memoryStore();
    store.items.set("k", "{not json");
    expect(readDraft(store, "k")).toBeNull();
    store.items.set("k", JSON.stringify({ document: { pages: [] }, savedAt: "x" }));
    expect(readDraft(store, "k")).toBeNull();
    const full = { ...store, setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(writeDraft(full, "k", doc)).toBe(false);
  });

  it("compares documents by content", () => {
    expect(sameDocument(doc, structuredClone(doc))).toBe(true);
    expect(sameDocument(doc, { ...doc, name: "Other" })).toBe(false);
  });
});

describe("drafts of older versions", () => {
  it("finds the newest draft made before the current version", () => {
    const store = memoryStore();
    writeDraft(store, draftKey("app1", 2), doc);
    writeDraft(store, draftKey("app1", 3), { ...doc, name: "v3" });
    writeDraft(store, draftKey("app1", 5), doc);
    writeDraft(store, draftKey("app2", 4), doc);
    const found = findOlderDraft(store, "app1", 5);
    expect(found?.version).toBe(3);
    expect(found?.draft.document.name).toBe("v3");
    expect(findOlderDraft(store, "app1", 2)).toBeNull();
  });
});
