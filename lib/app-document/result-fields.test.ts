// Field references against known result columns: chart fields, table columns and editability, select fields, row reads.
import { describe, expect, it } from "vitest";
import { DEMO_ACTION_SCHEMAS, DEMO_SOURCE } from "./demo-apps";
import { closestName } from "@/lib/closest-name";
import type { QueryResults } from "./result-fields";
import type { AppDocumentInput } from "./schema";
import { validateAppDocument } from "./validate";

const at = (x: number, y: number) => ({ x, y, w: 6, h: 3 });

function app(): AppDocumentInput {
  return {
    id: "app1",
    name: "Rental desk",
    slug: "rental-desk",
    queries: [
      { id: "sales", datasource: DEMO_SOURCE, sql: "SELECT month, sum(amount) AS revenue FROM payment GROUP BY month", mode: "read", trigger: { kind: "onLoad" } },
      { id: "rentals", datasource: DEMO_SOURCE, sql: "SELECT r.id, r.due, c.name FROM rental r JOIN customer c ON c.id = r.customer_id", mode: "read", trigger: { kind: "onLoad" } },
      { id: "films", datasource: DEMO_SOURCE, sql: "SELECT id, title, upper(title) AS shout FROM film", mode: "read", trigger: { kind: "onLoad" } },
    ],
    pages: [
      {
        id: "p1",
        name: "Main",
        widgets: [
          { id: "salesChart", type: "chart", layout: at(0, 0), props: { kind: "bar", data: "{{ sales.data }}", x: "month", y: ["revenu"] } },
          { id: "total", type: "stat", layout: at(6, 0), props: { label: "Revenue", value: "{{ sales.data[0].revenu + 1 }}" } },
          {
            id: "rentalsTable",
            type: "table",
            layout: at(0, 3),
            props: { data: "{{ rentals.data }}", rowKey: "id", editable: true, columns: [{ key: "due", editable: true }, { key: "name" }] },
          },
          {
            id: "filmsTable",
            type: "table",
            layout: at(6, 3),
            props: { data: "{{ films.data }}", rowKey: "id", editable: true, columns: [{ key: "title", editable: true }, { key: "shout", editable: true }, { key: "id", editable: true }, { key: "titel" }] },
          },
        ],
      },
    ],
  };
}

const results: QueryResults = {
  sales: { columns: ["month", "revenue"], editable: null },
  rentals: { columns: ["id", "due", "name"], editable: null },
  films: {
    columns: ["id", "title", "shout"],
    editable: { display: "film", primaryKey: ["id"], key: [{ output: "id" }], columns: [{ output: "title" }] },
  },
};

const problemsOf = (withResults: QueryResults | undefined) =>
  validateAppDocument(app(), { datasources: [DEMO_SOURCE], actions: DEMO_ACTION_SCHEMAS, ...(withResults ? { results: withResults } : {}) }).problems.map((p) => ({ code: p.code, path: p.path, message: p.message }));

describe("field references against result columns", () => {
  it("checks nothing while no query's columns are known", () => {
    expect(problemsOf(undefined)).toEqual([]);
  });

  it("lists a chart field typo with a suggestion", () => {
    const problems = problemsOf(results);
    expect(problems).toContainEqual({ code: "unknown_column", path: "pages[0].widgets[0].props.y[0]", message: 'Series 1 of "salesChart": "sales" returns no column "revenu". Did you mean "revenue"? Its columns: month, revenue.' });
  });

  it("lists a stat reading a missing column of a row, at the read", () => {
    const problem = validateAppDocument(app(), { datasources: [DEMO_SOURCE], actions: DEMO_ACTION_SCHEMAS, results }).problems.find((p) => p.path === "pages[0].widgets[1].props.value");
    expect(problem?.message).toContain('Did you mean "revenue"?');
    expect("{{ sales.data[0].revenu + 1 }}".slice(problem?.start, problem?.end)).toBe("sales.data[0].revenu");
  });

  it("says why each editable column of a table cannot be edited", () => {
    const editable = problemsOf(results).filter((p) => p.code === "editable_columns");
    expect(editable.map((p) => p.path)).toEqual(["pages[0].widgets[2].props.columns[0].editable", "pages[0].widgets[3].props.columns[1].editable", "pages[0].widgets[3].props.columns[2].editable"]);
    expect(editable[0]?.message).toContain("not rows of one table");
    expect(editable[1]?.message).toContain('"shout" is not a plain column of film');
    expect(editable[2]?.message).toContain("primary key");
  });

  it("lists a table column key that the query does not return", () => {
    expect(problemsOf(results)).toContainEqual({ code: "unknown_column", path: "pages[0].widgets[3].props.columns[3].key", message: 'Column 4 of "filmsTable": "films" returns no column "titel". Did you mean "title"? Its columns: id, title, shout.' });
  });

  it("finds nothing when the references match", () => {
    const fixed = app();
    const widgets = fixed.pages[0]?.widgets ?? [];
    widgets[0] = { id: "salesChart", type: "chart", layout: at(0, 0), props: { kind: "bar", data: "{{ sales.data }}", x: "month", y: ["revenue"] } };
    widgets.splice(1, 3);
    expect(validateAppDocument(fixed, { datasources: [DEMO_SOURCE], actions: DEMO_ACTION_SCHEMAS, results }).problems).toEqual([]);
  });

  it("suggests only close names", () => {
    expect(closestName("revenu", ["month", "revenue"])).toBe("revenue");
    expect(closestName("Title", ["id", "title"])).toBe("title");
    expect(closestName("zzz", ["month", "revenue"])).toBeNull();
  });
});
