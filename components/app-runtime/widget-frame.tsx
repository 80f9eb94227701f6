"use client";
/**
 * A widget's box and its states — loading (aria-busy skeleton), empty, error (role="alert",
 * inside the widget only) — plus an error boundary so a widget that throws while rendering
 * breaks itself, not the page.
 */
import { Component, type ReactNode } from "react";
import styles from "./app-runtime.module.css";

/** Panels are named regions; bare frames (inputs, buttons, text) hold controls that carry their own names. */
export function WidgetFrame({ label, variant = "panel", busy = false, children }: { label: string; variant?: "panel" | "bare"; busy?: boolean; children: ReactNode }) {
  if (variant === "bare") {
    return (
      <div aria-busy={busy || undefined} className={styles.bare} data-widget={label}>
        {children}
      </div>
    );
  }
  return (
    <section aria-label={label} aria-busy={busy || undefined} className={styles.panel}>
      {children}
    </section>
  );
}

export function WidgetLoading({ what = "Loading…" }: { what?: string }) {
  return (
    <div className={styles.state} role="status" aria-busy="true" style={{ flexDirection: "column", alignItems: "stretch", gap: "var(--space-2)" }}>
      <span className={styles.srOnly}>{what}</span>
      <div className={styles.skeleton} />
      <div className={styles.skeleton} style={{ flex: 0.6 }} />
    </div>
  );
}

export function WidgetEmpty({ children = "No rows" }: { children?: ReactNode }) {
  return <div className={styles.state}>{children}</div>;
}

export function WidgetError({ message }: { message: string }) {
  return (
    <div role="alert" className={styles.error}>
      {message}
    </div>
  );
}

interface BoundaryState {
  error: Error | null;
}

export class WidgetBoundary extends Component<{ widgetId: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  override componentDidUpdate(previous: { widgetId: string; children: ReactNode }) {
    // A changed widget (builder edits) gets another chance.
    if (this.state.error && previous.children !== this.props.children) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) {
      return (
        <WidgetFrame label={this.props.widgetId}>
          <WidgetError message={`${this.props.widgetId} could not be shown: ${this.state.error.message}`} />
        </WidgetFrame>
      );
    }
    return this.props.children;
  }
}
