"use client";
/** Every problem of the document; choosing one selects the widget or query it is about. */
import type { LocatedProblem, ProblemTarget } from "./problem-targets";
import styles from "./app-builder.module.css";

function where(target: ProblemTarget): string {
  switch (target.kind) {
    case "widget":
      return target.field ? `${target.widgetId} · ${target.field}` : target.widgetId;
    case "query":
      return target.field ? `${target.queryId} · ${target.field}` : target.queryId;
    case "page":
      return `page ${target.pageId}`;
    case "app":
      return target.field || "app";
  }
}

export function ProblemsList({ problems, onShow }: { problems: readonly LocatedProblem[]; onShow: (target: ProblemTarget) => void }) {
  if (problems.length === 0) return <p className={styles.muted}>No problems found. The app can be published.</p>;
  return (
    <ul className={styles.problemList} aria-label="Problems">
      {problems.map((problem, index) => (
        // Problems have no identity of their own; the list is rebuilt on every validation.
        <li key={index}>
          <button type="button" className={styles.problemButton} onClick={() => onShow(problem.target)}>
            <code className={styles.problemWhere}>{where(problem.target)}</code>
            <span>{problem.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
