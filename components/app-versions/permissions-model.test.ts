// Permissions dialog state ↔ the document's shape.
import { describe, expect, it } from "vitest";
import { addEmail, fromDraft, rolesFor, toDraft, toggleRole } from "./permissions-model";

describe("permissions draft", () => {
  it("round-trips the default as undefined", () => {
    expect(fromDraft(toDraft(undefined))).toBeUndefined();
  });

  it("keeps only restricted sections", () => {
    const draft = toDraft(undefined);
    draft.use = { restricted: true, roles: ["operator"], users: [] };
    expect(fromDraft(draft)).toEqual({ use: { roles: ["operator"], users: [] } });
    expect(toDraft({ edit: { roles: [], users: ["a@acme.test"] } }).edit).toEqual({ restricted: true, roles: [], users: ["a@acme.test"] });
  });

  it("lists the roles that matter per section", () => {
    expect(rolesFor("use")).toEqual(["viewer", "operator", "builder"]);
    expect(rolesFor("edit")).toEqual(["builder"]);
  });

  it("toggles roles in a stable order", () => {
    expect(toggleRole(["builder"], "viewer", true)).toEqual(["viewer", "builder"]);
    expect(toggleRole(["viewer", "builder"], "viewer", false)).toEqual(["builder"]);
  });

  it("adds valid, new e-mails only", () => {
    expect(addEmail([], " Ana@Acme.test ")).toEqual({ ok: true, users: ["ana@acme.test"] });
    expect(addEmail(["ana@acme.test"], "ana@acme.test")).toMatchObject({ ok: false });
    expect(addEmail([], "not an e-mail")).toMatchObject({ ok: false, error: "Enter an e-mail address, like ana@acme.test." });
  });
});
