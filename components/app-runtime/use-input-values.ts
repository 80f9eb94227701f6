"use client";
/**
 * The input widgets' values. Defaults are evaluated when the app opens (and again only when a
 * default itself changes, in the builder). With `inputsInUrl` the values the user set are
 * mirrored to the URL's search params (replacing the history entry, no scroll) so a link
 * reproduces the view; typing updates the scope at once and the URL after a pause.
 */
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AppDocument } from "@/lib/app-document";
import { decodeInputs, emptyValue, encodeInputs, inputDefault, inputWidgets, type InputDefault, type InputValue } from "./input-state";
import { buildScope } from "./scope";
import type { RuntimeApp } from "./types";

const URL_WRITE_DELAY_MS = 400;

export interface InputValues {
  values: Record<string, InputValue>;
  defaults: Record<string, InputDefault>;
  /** `debounceUrl`: typing; the URL is written after a pause (the scope changes at once). */
  setValue: (widgetId: string, value: InputValue, options?: { debounceUrl?: boolean }) => void;
}

export function useInputValues(document: AppDocument, currentUser: RuntimeApp["currentUser"], inputsInUrl: boolean): InputValues {
  const widgets = useMemo(() => inputWidgets(document), [document]);
  const defaultsSignature = JSON.stringify(widgets.map((widget) => [widget.id, widget.props.kind, "default" in widget.props ? widget.props.default : null]));
  // Keyed by the defaults' text, not the document object: builder edits elsewhere must not move `now()`.
  // Every name exists (queries not run yet, no selections) so `{{ statuses.data[0].id }}` is null rather than an unknown name.
  const defaults = useMemo(() => {
    const scope = buildScope({ document, currentUser, queries: {}, inputs: {}, selections: {} });
    return Object.fromEntries(widgets.map((widget) => [widget.id, inputDefault(widget, scope)]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defaultsSignature]);

  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [overrides, setOverrides] = useState<Record<string, InputValue>>(() => (inputsInUrl ? decodeInputs(widgets, searchParams) : {}));
  const overridesRef = useRef(overrides);
  const lastWritten = useRef<string>(searchParams.toString());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A link to the same app with other values arrives as new search params (our own writes are skipped).
  const search = searchParams.toString();
  useEffect(() => {
    if (!inputsInUrl || search === lastWritten.current) return;
    lastWritten.current = search;
    const decoded = decodeInputs(widgets, new URLSearchParams(search));
    overridesRef.current = decoded;
    setOverrides(decoded);
  }, [inputsInUrl, search, widgets]);

  const writeUrl = useCallback(() => {
    const next = encodeInputs(widgets, overridesRef.current, defaults, new URLSearchParams(window.location.search)).toString();
    if (next === new URLSearchParams(window.location.search).toString()) return;
    lastWritten.current = next;
    // The History API rather than router.replace: Next keeps useSearchParams in step without
    // asking the server to render the page again for every filter change (no scroll, no history entry).
    window.history.replaceState(window.history.state, "", next ? `${pathname}?${next}` : pathname);
  }, [widgets, defaults, pathname]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const setValue = useCallback(
    (widgetId: string, value: InputValue, options: { debounceUrl?: boolean } = {}) => {
      const next = { ...overridesRef.current, [widgetId]: value };
      overridesRef.current = next;
      setOverrides(next);
      if (!inputsInUrl) return;
      clearTimeout(timer.current);
      if (options.debounceUrl) timer.current = setTimeout(writeUrl, URL_WRITE_DELAY_MS);
      else writeUrl();
    },
    [inputsInUrl, writeUrl],
  );

  const values = useMemo(() => {
    const out: Record<string, InputValue> = {};
    for (const widget of widgets) out[widget.id] = overrides[widget.id] ?? defaults[widget.id]?.value ?? emptyValue(widget);
    return out;
  }, [widgets, overrides, defaults]);

  return { values, defaults, setValue };
}
