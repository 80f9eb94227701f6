/** Pixels per layout row unit (`layout.h`); the builder's canvas uses the same so preview matches. */
export const GRID_ROW_HEIGHT = 64;
/** Pixels between cells, both directions. */
export const GRID_GAP = 12;
