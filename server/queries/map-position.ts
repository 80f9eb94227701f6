/**
 * Maps an offset in the executed SQL back to the user's SQL. The two differ only where
 * `{{ expr }}` became `$n` / `?`, so walk the templates and add up the length differences.
 */
export function mapPosition(userSql: string, executedSql: string, position: number): number {
  const placeholder = /\$\d+|\?/y;
  let shift = 0;
  for (const template of userSql.matchAll(/\{\{[\s\S]*?\}\}/g)) {
    const executedStart = template.index - shift;
    if (position < executedStart) break;
    placeholder.lastIndex = executedStart;
    const placeholderLength = placeholder.exec(executedSql)?.[0].length ?? 0;
    if (position < executedStart + placeholderLength) return template.index;
    shift += template[0].length - placeholderLength;
  }
  return Math.min(userSql.length, position + shift);
}
