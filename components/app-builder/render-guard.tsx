"use client";
/**
 * Keeps one widget's render failure inside its box: while a builder is mid-edit a widget may be
 * configured in ways nothing can draw, and that must not take the whole builder down. Tries
 * again when `resetKey` changes (the widget was edited).
 */
import { Component, type ReactNode } from "react";

interface RenderGuardProps {
  resetKey: string;
  label: string;
  children: ReactNode;
}

interface RenderGuardState {
  error: Error | null;
  resetKey: string;
}

export class RenderGuard extends Component<RenderGuardProps, RenderGuardState> {
  override state: RenderGuardState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<RenderGuardState> {
    return { error };
  }

  static getDerivedStateFromProps(props: RenderGuardProps, state: RenderGuardState): Partial<RenderGuardState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render() {
    if (this.state.error) {
      return (
        <div role="alert" style={{ padding: "var(--space-3)", color: "var(--color-danger)", fontSize: "var(--text-sm)" }}>
          {this.props.label} cannot be shown: {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}
