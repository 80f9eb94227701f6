"use client";
/**
 * A property field that may hold `{{ }}` bindings: CodeMirror 6, one line unless `multiline`,
 * with autocomplete of the app's names, their outputs and the binding functions inside `{{ }}`.
 * Controlled through `value`/`onChange`; the visible label names the editor for assistive tech
 * (role textbox), and problems are wired to it with aria-describedby.
 */
import { autocompletion, closeBrackets, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { EditorState } from "@codemirror/state";
import { Decoration, EditorView, keymap, MatchDecorator, placeholder as placeholderExtension, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { useEffect, useId, useRef } from "react";
import { completeBinding, type BindingCandidate } from "./binding-completions";
import styles from "./binding-editor.module.css";

export interface BindingEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  candidates: readonly BindingCandidate[];
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
  /** Problems of this field, shown under it. */
  errors?: readonly string[];
  /** What the bindings evaluate to now (shown under the field). */
  preview?: { ok: boolean; text: string } | null;
}

// `{{ … }}` parts are tinted so text and bindings are told apart at a glance.
const bindingMark = Decoration.mark({ class: "rc-binding" });
const bindingMatcher = new MatchDecorator({ regexp: /\{\{[^]*?(\}\}|$)/g, decoration: () => bindingMark });
const highlightBindings = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = bindingMatcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = bindingMatcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** Pasted or typed line breaks become spaces in a one-line field. */
const singleLine = EditorState.transactionFilter.of((transaction) => {
  if (!transaction.docChanged || transaction.newDoc.lines <= 1) return transaction;
  const text = transaction.newDoc.toString().replace(/\r?\n/g, " ");
  return [transaction, { changes: { from: 0, to: transaction.newDoc.length, insert: text }, sequential: true }];
});

export function BindingEditor({ label, value, onChange, candidates, multiline = false, placeholder, hint, errors = [], preview = null }: BindingEditorProps) {
  const id = useId();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, candidates });
  useEffect(() => {
    latest.current = { onChange, candidates };
  });

  const describedBy = [hint ? `${id}-hint` : null, preview ? `${id}-value` : null, errors.length > 0 ? `${id}-error` : null].filter(Boolean).join(" ");

  useEffect(() => {
    if (!host.current) return;
    const complete = (context: CompletionContext): CompletionResult | null => {
      const found = completeBinding(context.state.doc.toString(), context.pos, latest.current.candidates);
      if (found === null || (found.from === context.pos && !context.explicit && !/\{\{\s*$/.test(context.state.sliceDoc(0, context.pos)))) return null;
      return {
        from: found.from,
        options: found.options.map((option) => ({ label: option.label, type: option.type, detail: option.detail, ...(option.apply ? { apply: option.apply } : {}), ...(option.info ? { info: option.info } : {}) })),
        validFor: /^[\w.]*$/,
      };
    };
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          closeBrackets(),
          highlightBindings,
          autocompletion({ override: [complete], activateOnTyping: true }),
          placeholderExtension(placeholder ?? ""),
          multiline ? EditorView.lineWrapping : [singleLine, keymap.of([{ key: "Enter", run: () => true }])],
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Created once; value changes are pushed in below, the rest is read through `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Accessible name and problems change with the field; CodeMirror's content element carries them.
  useEffect(() => {
    const content = view.current?.contentDOM;
    if (!content) return;
    content.setAttribute("aria-labelledby", `${id}-label`);
    if (!multiline) content.setAttribute("aria-multiline", "false");
    if (describedBy) content.setAttribute("aria-describedby", describedBy);
    else content.removeAttribute("aria-describedby");
    if (errors.length > 0) content.setAttribute("aria-invalid", "true");
    else content.removeAttribute("aria-invalid");
  }, [id, describedBy, errors.length, multiline]);

  // Outside changes (undo, rename rewriting bindings) replace the text; typing does not loop back.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return (
    <div className={styles.field}>
      <span id={`${id}-label`} className={styles.label} onClick={() => view.current?.focus()}>
        {label}
      </span>
      <div ref={host} className={multiline ? `${styles.editor} ${styles.multiline}` : styles.editor} data-invalid={errors.length > 0 || undefined} />
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {preview ? (
        <span id={`${id}-value`} className={preview.ok ? styles.value : styles.valueError}>
          {preview.ok ? `= ${preview.text}` : `Now: ${preview.text}`}
        </span>
      ) : null}
      {errors.length > 0 ? (
        <span id={`${id}-error`} className={styles.error}>
          {errors.join(" ")}
        </span>
      ) : null}
    </div>
  );
}
