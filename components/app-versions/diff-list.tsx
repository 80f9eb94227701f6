/**
 * An AppDiff in words, grouped by Pages / Widgets / Queries / Permissions. Additions and
 * removals are said in text and with +/− signs, never by colour alone.
 */
import { Badge } from "@/components/ui/surface";
import { formatDiffValue, type AppDiff, type PermissionChange, type SqlLine, type ValueChange } from "@/lib/app-document";
import { ROLE_LABELS, roleSchema } from "@/lib/roles";
import styles from "./app-versions.module.css";
import { describeLayout } from "./version-format";

const KIND_BADGE = { added: { tone: "success", text: "Added" }, removed: { tone: "danger", text: "Removed" }, changed: { tone: "accent", text: "Changed" }, renamed: { tone: "accent", text: "Renamed" } } as const;

function KindBadge({ kind }: { kind: keyof typeof KIND_BADGE }) {
  const badge = KIND_BADGE[kind];
  return <Badge tone={badge.tone}>{badge.text}</Badge>;
}

function BeforeAfter({ before, after }: { before: string; after: string }) {
  return (
    <>
      <del className={`${styles.code} ${styles.before}`}>
        <span className="visually-hidden">before: </span>
        {before}
      </del>{" "}
      →{" "}
      <ins className={`${styles.code} ${styles.after}`}>
        <span className="visually-hidden">after: </span>
        {after}
      </ins>
    </>
  );
}

/** Changed values as before → after; the values of something added (`added`) as they are. */
function ValueChanges({ changes, added = false }: { changes: readonly ValueChange[]; added?: boolean }) {
  if (changes.length === 0) return null;
  return (
    <ul className={styles.valueList}>
      {changes.map((change) => (
        <li key={change.path}>
          <span className={styles.code}>{change.path}</span>: {added ? <span className={styles.code}>{formatDiffValue(change.after)}</span> : <BeforeAfter before={formatDiffValue(change.before)} after={formatDiffValue(change.after)} />}
        </li>
      ))}
    </ul>
  );
}

const SIGN = { added: "+", removed: "−", same: " " } as const;
const LINE_WORD = { added: "added", removed: "removed", same: "unchanged" } as const;

function SqlDiff({ lines, label }: { lines: readonly SqlLine[]; label: string }) {
  return (
    <ol className={styles.sql} aria-label={label}>
      {lines.map((line, index) => (
        // Lines of a diff have no identity but their place in it.
        <li key={index} className={line.kind === "added" ? styles.sqlAdded : line.kind === "removed" ? styles.sqlRemoved : undefined}>
          <span className={styles.sqlSign} aria-hidden="true">
            {SIGN[line.kind]}
          </span>
          {line.kind === "same" ? null : <span className="visually-hidden">{LINE_WORD[line.kind]}: </span>}
          {line.text}
        </li>
      ))}
    </ol>
  );
}

function roleLabel(role: string): string {
  const parsed = roleSchema.safeParse(role);
  return parsed.success ? ROLE_LABELS[parsed.data] : role;
}

function audience(principals: PermissionChange["before"], section: PermissionChange["section"]): string {
  if (principals === null) return section === "use" ? "everyone signed in (default)" : "every builder (default)";
  const names = [...principals.roles.map(roleLabel), ...principals.users];
  return names.length ? `only ${names.join(", ")}` : "nobody listed";
}

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  if (count === 0) return null;
  const id = `diff-${title.toLowerCase()}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionTitle}>
        {title} ({count})
      </h2>
      <ul className={styles.changeList} aria-labelledby={id}>
        {children}
      </ul>
    </section>
  );
}

export function DiffList({ diff }: { diff: AppDiff }) {
  if (diff.summary.total === 0) return <p role="status">No differences: the two versions have the same content.</p>;
  return (
    <div className={styles.stack}>
      <p role="status">
        {diff.summary.total} {diff.summary.total === 1 ? "change" : "changes"}: {diff.summary.added} added, {diff.summary.removed} removed, {diff.summary.changed} changed.
      </p>
      <Section title="App" count={diff.app.length}>
        {diff.app.map((change) => (
          <li key={change.path} className={styles.changeItem}>
            <span>
              {change.path === "name" ? "Name" : "Address (slug)"}: <BeforeAfter before={formatDiffValue(change.before)} after={formatDiffValue(change.after)} />
            </span>
          </li>
        ))}
      </Section>
      <Section title="Pages" count={diff.pages.length}>
        {diff.pages.map((change) => (
          <li key={change.id} className={styles.changeItem}>
            <span className={styles.changeHead}>
              <KindBadge kind={change.kind} />
              {change.kind === "renamed" ? (
                <span>
                  Page renamed: <BeforeAfter before={change.before} after={change.after} />
                </span>
              ) : (
                <span>
                  Page <strong>{change.name}</strong> {change.kind}
                </span>
              )}
            </span>
          </li>
        ))}
      </Section>
      <Section title="Widgets" count={diff.widgets.length}>
        {diff.widgets.map((change) => (
          <li key={change.id} className={styles.changeItem}>
            <span className={styles.changeHead}>
              <KindBadge kind={change.kind} />
              <span>
                {change.type} widget <strong className={styles.code}>{change.id}</strong> on page {change.page}
                {change.kind === "changed" ? "" : ` ${change.kind}`}
              </span>
            </span>
            {change.kind === "changed" ? (
              <>
                {change.movedPage ? (
                  <span>
                    Moved to another page: <BeforeAfter before={change.movedPage.before} after={change.movedPage.after} />
                  </span>
                ) : null}
                {change.moved ? (
                  <span>
                    Moved or resized: <BeforeAfter before={describeLayout(change.moved.before)} after={describeLayout(change.moved.after)} />
                  </span>
                ) : null}
                <ValueChanges changes={change.changes} />
              </>
            ) : change.kind === "added" ? (
              <ValueChanges changes={change.props} added />
            ) : null}
          </li>
        ))}
      </Section>
      <Section title="Queries" count={diff.queries.length}>
        {diff.queries.map((change) => (
          <li key={change.id} className={styles.changeItem}>
            <span className={styles.changeHead}>
              <KindBadge kind={change.kind} />
              <span>
                Query <strong className={styles.code}>{change.id}</strong>
                {change.kind === "changed" ? "" : ` ${change.kind} (${change.mode} on ${change.datasource})`}
              </span>
            </span>
            {change.kind === "changed" ? (
              <>
                <ValueChanges changes={change.changes} />
                {change.sql ? <SqlDiff lines={change.sql} label={`SQL changes of ${change.id}`} /> : null}
              </>
            ) : null}
          </li>
        ))}
      </Section>
      <Section title="Permissions" count={diff.permissions.length}>
        {diff.permissions.map((change) => (
          <li key={change.section} className={styles.changeItem}>
            <span className={styles.changeHead}>
              <KindBadge kind="changed" />
              <span>
                {change.section === "use" ? "Who may use" : "Who may edit"}: <BeforeAfter before={audience(change.before, change.section)} after={audience(change.after, change.section)} />
              </span>
            </span>
            <ul className={styles.valueList}>
              {change.rolesAdded.map((role) => <li key={`+r${role}`}>+ role {roleLabel(role)} added</li>)}
              {change.rolesRemoved.map((role) => <li key={`-r${role}`}>− role {roleLabel(role)} removed</li>)}
              {change.usersAdded.map((user) => <li key={`+u${user}`}>+ {user} added</li>)}
              {change.usersRemoved.map((user) => <li key={`-u${user}`}>− {user} removed</li>)}
            </ul>
          </li>
        ))}
      </Section>
    </div>
  );
}
