// What a binding refers to, without evaluating it: the root names (for dependency tracking —
// which queries and widgets a property depends on) and the static paths (`orders.data`,
// `table.selectedRows[0].id` → ["table", "selectedRows"]) that document validation checks.
import type { Node } from "./ast";

export interface ReferencedPath {
  /** Root name followed by the property names read statically: `a.b["c"][0]` → ["a", "b", "c"]. */
  path: string[];
  start: number;
  end: number;
}

function children(node: Node): Node[] {
  switch (node.kind) {
    case "literal":
    case "name":
      return [];
    case "member":
      return [node.object];
    case "index":
      return [node.object, node.index];
    case "unary":
      return [node.operand];
    case "binary":
      return [node.left, node.right];
    case "conditional":
      return [node.test, node.consequent, node.alternate];
    case "array":
      return node.elements;
    case "call":
      return node.args;
  }
}

/** The static path a member/index chain starts with, or null when its root is not a name. */
function staticPath(node: Node): string[] | null {
  if (node.kind === "name") return [node.name];
  if (node.kind === "member") {
    const base = staticPath(node.object);
    return base && [...base, node.property];
  }
  if (node.kind === "index") {
    const base = staticPath(node.object);
    if (base === null) return null;
    // A numeric index does not name a property: `rows[0].id` checks as `rows`.
    if (node.index.kind === "literal" && typeof node.index.value === "string") return [...base, node.index.value];
    return base;
  }
  return null;
}

/** Every maximal static path in the expression (`a.b.c` gives one path, not three). */
export function referencedPaths(ast: Node): ReferencedPath[] {
  const found: ReferencedPath[] = [];
  const visit = (node: Node, insideChain: boolean): void => {
    const chain = node.kind === "member" || node.kind === "index" || node.kind === "name";
    if (chain && !insideChain) {
      const path = staticPath(node);
      if (path) found.push({ path, start: node.start, end: node.end });
    }
    if (node.kind === "index") {
      visit(node.object, true);
      visit(node.index, false);
      return;
    }
    for (const child of children(node)) visit(child, node.kind === "member");
  };
  visit(ast, false);
  return found;
}

/** The root names a binding uses, sorted and without duplicates. */
export function referencedNames(ast: Node): string[] {
  return [...new Set(referencedPaths(ast).map((p) => p.path[0] as string))].sort();
}
