"use client";
/** A document's problems, each with where it is in words; clickable when the caller can show it. */
import type { AppDocument, Problem } from "@/lib/app-document";
import styles from "./app-versions.module.css";
import { describeProblemPath } from "./problem-path";

export interface ProblemListProps {
  problems: readonly Problem[];
  document?: AppDocument | null;
  label?: string;
  onShowProblem?: (path: string) => void;
}

export function ProblemList({ problems, document, label = "Problems", onShowProblem }: ProblemListProps) {
  return (
    <ul aria-label={label} className={styles.plainList}>
      {problems.map((problem, index) => {
        const where = describeProblemPath(problem.path, document);
        const body = (
          <>
            <span className={styles.problemWhere}>{where}</span>
            <span>{problem.message}</span>
          </>
        );
        return (
          // Problems have no id; the same path can carry two problems, so the index completes the key.
          <li key={`${problem.path}-${problem.code}-${index}`}>
            {onShowProblem ? (
              <button type="button" className={styles.problemButton} onClick={() => onShowProblem(problem.path)}>
                {body}
              </button>
            ) : (
              <div className={styles.problemItem}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
