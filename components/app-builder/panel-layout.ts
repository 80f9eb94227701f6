/**
 * The builder's panel layout a builder chose — side panels shown or hidden, the bottom panel's
 * height — kept in this browser so it survives reloads. Pure parts here; the hook in
 * use-panel-layout.ts reads and writes localStorage.
 */
import { z } from "zod";

export const BOTTOM_MIN = 140;
export const BOTTOM_DEFAULT = 320;
/** The bottom panel never takes the canvas's last rows: at most this share of the window. */
export const BOTTOM_MAX_SHARE = 0.7;

export const PANEL_LAYOUT_KEY = "rowcraft.builder.panels";

const panelLayoutSchema = z.object({
  left: z.boolean().catch(true),
  right: z.boolean().catch(true),
  bottomHeight: z.number().finite().catch(BOTTOM_DEFAULT),
});

export type PanelLayout = z.infer<typeof panelLayoutSchema>;

export const DEFAULT_PANEL_LAYOUT: PanelLayout = { left: true, right: true, bottomHeight: BOTTOM_DEFAULT };

/** A stored layout, or the default when missing or unreadable (an old format, a hand edit). */
export function parsePanelLayout(text: string | null): PanelLayout {
  if (text === null) return DEFAULT_PANEL_LAYOUT;
  try {
    const parsed = panelLayoutSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_PANEL_LAYOUT;
  } catch {
    return DEFAULT_PANEL_LAYOUT;
  }
}

/** The bottom panel's height inside its bounds for a window `windowHeight` tall. */
export function clampBottomHeight(height: number, windowHeight: number): number {
  const max = Math.max(BOTTOM_MIN, Math.round(windowHeight * BOTTOM_MAX_SHARE));
  return Math.min(max, Math.max(BOTTOM_MIN, Math.round(height)));
}
