"use client";
/**
 * The handle above the bottom panel: drag it, or focus it and use the arrow keys, to give the
 * queries and problems more or less room. A separator with a value, as assistive tech expects.
 */
import { useRef, type PointerEvent } from "react";
import styles from "./app-builder.module.css";

const KEY_STEP = 24;

export function PanelResizer({ height, onResize }: { height: number; onResize: (height: number) => void }) {
  const start = useRef<{ y: number; height: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = { y: event.clientY, height };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    // Dragging up makes the panel taller.
    if (start.current) onResize(start.current.height + (start.current.y - event.clientY));
  };
  const stop = () => {
    start.current = null;
  };
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the queries and problems panel"
      aria-valuenow={height}
      tabIndex={0}
      className={styles.resizer}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={stop}
      onPointerCancel={stop}
      onKeyDown={(event) => {
        if (event.key === "ArrowUp" || event.key === "ArrowDown") {
          event.preventDefault();
          onResize(height + (event.key === "ArrowUp" ? KEY_STEP : -KEY_STEP));
        }
      }}
    />
  );
}
