"use client";
/**
 * The SQL editor: CodeMirror 6 with the source's dialect, table/column autocomplete from
 * introspection, Ctrl/Cmd+Enter to run, and error underlines at the position the guard or the
 * database reported. Controlled from outside through `value`/`onChange`.
 */
import { autocompletion, closeBrackets } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { MySQL, PostgreSQL, SQLite, sql, type SQLNamespace } from "@codemirror/lang-sql";
import { bracketMatching, syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, placeholder as placeholderExtension, highlightActiveLine } from "@codemirror/view";
import { useEffect, useRef } from "react";
import type { Dialect } from "@/lib/sql/dialects";
import styles from "./sql-editor.module.css";

const DIALECTS = { postgres: PostgreSQL, mysql: MySQL, sqlite: SQLite } as const;

export interface SqlDiagnostic {
  from: number;
  to: number;
  message: string;
}

export interface SqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  dialect: Dialect;
  schema?: SQLNamespace;
  diagnostics?: SqlDiagnostic[];
  onRun?: () => void;
  label: string;
  placeholder?: string;
}

export function SqlEditor({ value, onChange, dialect, schema, diagnostics = [], onRun, label, placeholder }: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  const callbacks = useRef({ onChange, onRun });
  useEffect(() => {
    callbacks.current = { onChange, onRun };
  });

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle),
          autocompletion(),
          lintGutter(),
          placeholderExtension(placeholder ?? ""),
          keymap.of([
            { key: "Mod-Enter", preventDefault: true, run: () => (callbacks.current.onRun?.(), true) },
            indentWithTab,
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          language.current.of(sql({ dialect: DIALECTS[dialect], schema, upperCaseKeywords: true })),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
          EditorView.contentAttributes.of({ "aria-label": label }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later prop changes are pushed in by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(sql({ dialect: DIALECTS[dialect], schema, upperCaseKeywords: true })) });
  }, [dialect, schema]);

  // Outside changes (Format, loading a saved query) replace the document; typing does not loop back.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const length = editor.state.doc.length;
    const marks: Diagnostic[] = diagnostics.map((diagnostic) => ({
      from: Math.min(diagnostic.from, length),
      to: Math.min(Math.max(diagnostic.to, diagnostic.from + 1), length),
      severity: "error",
      message: diagnostic.message,
    }));
    editor.dispatch(setDiagnostics(editor.state, marks));
  }, [diagnostics]);

  return <div ref={host} className={styles.editor} data-testid="sql-editor" />;
}
