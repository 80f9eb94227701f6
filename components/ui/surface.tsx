/** Layout surfaces: card, page header, empty state, alert, badge, data table. */
import type { HTMLAttributes, ReactNode, TableHTMLAttributes } from "react";
import styles from "./surface.module.css";

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={[styles.card, className].filter(Boolean).join(" ")} {...props} />;
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className={styles.pageHeader}>
      <div>
        <h1 className={styles.pageTitle}>{title}</h1>
        {description ? <p className={styles.pageDescription}>{description}</p> : null}
      </div>
      {actions ? <div>{actions}</div> : null}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Card className={styles.empty}>
      <div className={styles.emptyTitle}>{title}</div>
      {children ? <div>{children}</div> : null}
      {action ? <div style={{ marginTop: "var(--space-4)" }}>{action}</div> : null}
    </Card>
  );
}

const alertClass = { error: styles.alertError, info: styles.alertInfo, success: styles.alertSuccess } as const;

/** Errors are announced (role="alert"); info and success are polite status messages. */
export function Alert({ tone, children }: { tone: keyof typeof alertClass; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={[styles.alert, alertClass[tone]].join(" ")}>
      {children}
    </div>
  );
}

const badgeClass = { neutral: "", accent: styles.badgeAccent, success: styles.badgeSuccess, danger: styles.badgeDanger, warning: styles.badgeWarning } as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof badgeClass; children: ReactNode }) {
  return <span className={[styles.badge, badgeClass[tone]].filter(Boolean).join(" ")}>{children}</span>;
}

export function DataTable({ className, ...props }: TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className={styles.tableWrap}>
      <table className={[styles.table, className].filter(Boolean).join(" ")} {...props} />
    </div>
  );
}
