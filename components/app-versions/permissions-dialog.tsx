"use client";
/**
 * "Permissions": who may use the published app and who may edit it. Edited as a draft in the
 * dialog and handed to the editor on "Apply" (the change is saved, versioned and diffed with
 * the rest of the document). The rules are server/apps/app-permissions.ts.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { ROLE_LABELS } from "@/lib/roles";
import styles from "./app-versions.module.css";
import { addEmail, fromDraft, rolesFor, toDraft, toggleRole, type Permissions, type PermissionsDraft, type Section, type SectionDraft } from "./permissions-model";
import { Dialog, DialogActions } from "@/components/ui/dialog";

export interface PermissionsDialogProps {
  value: Permissions;
  onChange: (next: Permissions) => void;
}

const SECTIONS: Record<Section, { title: string; everyone: string; rules: string }> = {
  use: {
    title: "Who may use the published app",
    everyone: "Everyone signed in (default)",
    rules: "Read from the published version: a change takes effect when you publish. Admins and the people who may edit the app can always use it.",
  },
  edit: {
    title: "Who may edit",
    everyone: "Every builder (default)",
    rules: "Editing also needs the builder role: listing an operator or a viewer gives them nothing. Admins can always edit. Takes effect when you save; you cannot save permissions that would lock you out.",
  },
};

export function PermissionsDialog({ value, onChange }: PermissionsDialogProps) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<PermissionsDraft>(() => toDraft(value));

  function openChange(next: boolean) {
    // Each opening starts from the document as it is now.
    if (next) setDraft(toDraft(value));
    setOpen(next);
  }

  return (
    <Dialog open={open} onOpenChange={openChange} trigger={<Button>Permissions</Button>} title="Permissions" description="Stored in the app itself, so every change is a new version you can compare and restore." wide>
      {(["use", "edit"] as const).map((section) => (
        <SectionFields key={section} section={section} value={draft[section]} onChange={(next) => setDraft((previous) => ({ ...previous, [section]: next }))} />
      ))}
      <DialogActions
        label="Apply permissions"
        onClick={() => {
          onChange(fromDraft(draft));
          setOpen(false);
        }}
      />
    </Dialog>
  );
}

function SectionFields({ section, value, onChange }: { section: Section; value: SectionDraft; onChange: (next: SectionDraft) => void }) {
  const text = SECTIONS[section];
  const [email, setEmail] = useState("");
  const [emailError, setEmailError] = useState<string | null>(null);
  const name = `permissions-${section}`;

  function add() {
    const result = addEmail(value.users, email);
    if (!result.ok) {
      setEmailError(result.error);
      return;
    }
    setEmailError(null);
    setEmail("");
    onChange({ ...value, users: result.users });
  }

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{text.title}</legend>
      <label className={styles.choice}>
        <input type="radio" name={name} checked={!value.restricted} onChange={() => onChange({ ...value, restricted: false })} />
        {text.everyone}
      </label>
      <label className={styles.choice}>
        <input type="radio" name={name} checked={value.restricted} onChange={() => onChange({ ...value, restricted: true })} />
        Only these roles and people
      </label>
      {value.restricted ? (
        <div className={styles.indent}>
          <div role="group" aria-label={`Roles: ${text.title.toLowerCase()}`} className={styles.row}>
            {rolesFor(section).map((role) => (
              <CheckboxField key={role} label={ROLE_LABELS[role]} checked={value.roles.includes(role)} onChange={(event) => onChange({ ...value, roles: toggleRole(value.roles, role, event.target.checked) })} />
            ))}
          </div>
          {value.users.length ? (
            <ul aria-label={`People: ${text.title.toLowerCase()}`} className={styles.plainList}>
              {value.users.map((user) => (
                <li key={user} className={styles.emailItem}>
                  <span>{user}</span>
                  <Button size="small" variant="ghost" aria-label={`Remove ${user}`} onClick={() => onChange({ ...value, users: value.users.filter((item) => item !== user) })}>
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className={styles.emailRow}>
            <TextField
              label={section === "use" ? "Add a person who may use it (e-mail)" : "Add a person who may edit (e-mail)"}
              type="email"
              value={email}
              error={emailError}
              onChange={(event) => setEmail(event.target.value)}
              onKeyDown={(event) => {
                // Enter adds the address instead of submitting or closing anything.
                if (event.key === "Enter") {
                  event.preventDefault();
                  add();
                }
              }}
            />
            <Button onClick={add}>Add</Button>
          </div>
          {value.roles.length === 0 && value.users.length === 0 ? (
            <p className={styles.muted}>Nobody is listed: {section === "use" ? "only admins and the app's editors can use it." : "only admins can edit it."}</p>
          ) : null}
        </div>
      ) : null}
      <p className={styles.muted}>{text.rules}</p>
    </fieldset>
  );
}
