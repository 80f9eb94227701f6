"use client";
/** The builder's panel layout, kept in localStorage (see panel-layout.ts). */
import { useCallback, useEffect, useState } from "react";
import { clampBottomHeight, DEFAULT_PANEL_LAYOUT, PANEL_LAYOUT_KEY, parsePanelLayout, type PanelLayout } from "./panel-layout";

export function usePanelLayout() {
  const [layout, setLayout] = useState<PanelLayout>(DEFAULT_PANEL_LAYOUT);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    // Read after mount: the server render has no localStorage, and both renders must agree.
    const stored = parsePanelLayout(window.localStorage.getItem(PANEL_LAYOUT_KEY));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing from an external store once on mount
    setLayout({ ...stored, bottomHeight: clampBottomHeight(stored.bottomHeight, window.innerHeight) });
    setLoaded(true);
  }, []);
  useEffect(() => {
    if (loaded) window.localStorage.setItem(PANEL_LAYOUT_KEY, JSON.stringify(layout));
  }, [layout, loaded]);
  const toggle = useCallback((side: "left" | "right") => setLayout((current) => ({ ...current, [side]: !current[side] })), []);
  const setBottomHeight = useCallback((height: number) => setLayout((current) => ({ ...current, bottomHeight: clampBottomHeight(height, window.innerHeight) })), []);
  return { layout, toggle, setBottomHeight };
}
