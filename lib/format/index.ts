/** Formatting shared by every screen: numbers (with their unit), dates (one policy), empty values. */
export * from "./number-format";
export * from "./date-format";

/** What an empty (NULL) value shows: an unobtrusive dash, read out as "empty". */
export const EMPTY_MARK = "—";
export const EMPTY_LABEL = "empty";
