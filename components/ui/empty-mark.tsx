/** An empty (NULL) value outside the grid: a muted dash that screen readers read as "empty". */
import { EMPTY_LABEL, EMPTY_MARK } from "@/lib/format";

export function EmptyMark() {
  return (
    <span role="img" aria-label={EMPTY_LABEL} style={{ color: "var(--color-text-muted)" }}>
      {EMPTY_MARK}
    </span>
  );
}
