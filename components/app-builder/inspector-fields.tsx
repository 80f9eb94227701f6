"use client";
/** Building blocks of the inspector: editing one widget's props as undo steps, with the problems of each field. */
import type { Widget } from "@/lib/app-document";
import { useAppRuntime } from "@/components/app-runtime";
import { BindingEditor } from "./binding-editor";
import { useBuilder } from "./builder-context";
import { updateWidget } from "./document-ops";
import { messagesAt, problemsOfWidget } from "./problem-targets";
import { summarizeBinding } from "./value-summary";

export function useWidgetEditor<W extends Widget>(widget: W) {
  const { change, problems } = useBuilder();
  const own = problemsOfWidget(problems, widget.id);
  return {
    /** Merges `patch` into the widget's props; `field` ("props.data") keys the undo coalescing. */
    setProps(patch: Partial<W["props"]>, field: string): void {
      change(
        (doc) => updateWidget(doc, widget.id, (current) => (current.type === widget.type ? ({ ...current, props: { ...current.props, ...patch } } as Widget) : current)),
        `widget:${widget.id}:${field}`,
      );
    },
    errorsAt: (field: string): string[] => messagesAt(own, field),
  };
}

export interface WidgetBindingFieldProps {
  widget: Widget;
  /** Path inside the widget, for its problems: "props.data". */
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
  /** Offer `row` (table action mappings). */
  row?: boolean;
}

export function WidgetBindingField({ widget, field, row = false, ...props }: WidgetBindingFieldProps) {
  const { candidates, rowCandidates, problems } = useBuilder();
  const { scope } = useAppRuntime();
  const errors = messagesAt(problemsOfWidget(problems, widget.id), field);
  // `row` exists only while a table action runs; a problem already says what is wrong.
  const summary = row || errors.length > 0 ? null : summarizeBinding(props.value, scope);
  return <BindingEditor {...props} candidates={row ? rowCandidates : candidates} errors={errors} preview={summary} />;
}

/** A plain field's problems, as TextField/SelectField `error` text. */
export function joinErrors(errors: readonly string[]): string | null {
  return errors.length > 0 ? errors.join(" ") : null;
}
