"use client";
/**
 * A ref that always holds the latest rendered value, for event handlers that must stay the
 * same function (so memoised rows do not re-render) yet read current state.
 */
import { useLayoutEffect, useRef, type RefObject } from "react";

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
