// The app document: the zod schemas shared by the builder (client) and the apps API (server).
// An app is pages of widgets on a 12-column grid plus the queries it owns. Version metadata
// (author, time, message, published) is stored beside the document, not in it. Objects are
// strict so a typo in an imported file is an error, not a silently dropped property.
// Cross-references (names in bindings, data sources, actions, grid overlaps) are checked by
// validateAppDocument, which needs context the schema does not have.
import { z } from "zod";
import { numberFormatSchema } from "@/lib/format/number-format";
import { roleSchema } from "@/lib/roles";
import { queryModeSchema } from "@/lib/schemas/queries";

export const GRID_COLUMNS = 12;

/**
 * Caps on a document, so one save cannot make every later load of the app parse megabytes: the
 * whole document as compact JSON (checked on save and import: documentSizeProblem), and every list.
 */
export const DOCUMENT_LIMITS = {
  bytes: 1_000_000,
  pages: 50,
  widgetsPerPage: 200,
  queries: 200,
  tableColumns: 200,
  tableActions: 50,
  chartSeries: 50,
  formFields: 200,
  mappingFields: 100,
  selectOptions: 1_000,
  principals: 500,
} as const;

/** Why `document` (any JSON value) is too large to store, or null when it fits. */
export function documentSizeProblem(document: unknown): string | null {
  const json = JSON.stringify(document) ?? "";
  // UTF-8 takes at least one byte per UTF-16 unit, so a long string needs no encoding to be refused.
  const bytes = json.length > DOCUMENT_LIMITS.bytes ? json.length : new TextEncoder().encode(json).length;
  if (bytes <= DOCUMENT_LIMITS.bytes) return null;
  const size = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  return `The app document is ${size(bytes)} of JSON; an app may be at most ${size(DOCUMENT_LIMITS.bytes)}. Move long text out of it (into a data source) or split it into several apps.`;
}

// `page` is the running app's URL parameter for the current page (inputs are kept there by widget id).
const RESERVED_NAMES = new Set(["true", "false", "null", "currentUser", "constructor", "prototype", "page"]);

/** A name bindings can refer to: query ids and widget ids. */
export const identifierSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: "Use letters, digits and _ only, starting with a letter, like ordersTable." })
  .max(64)
  .refine((name) => !name.startsWith("__") && !RESERVED_NAMES.has(name), { message: "This name is reserved; choose another." });

/** Text that may hold `{{ }}` bindings. Checked for syntax and names by validateAppDocument. */
export const bindableSchema = z.string().max(20_000);

/** Values for an action's input fields, each a bindable string: `{ orderId: "{{ table.selectedRow.id }}" }`. */
export const mappingSchema = z
  .record(z.string().min(1).max(100), bindableSchema)
  .refine((mapping) => Object.keys(mapping).length <= DOCUMENT_LIMITS.mappingFields, { message: `At most ${DOCUMENT_LIMITS.mappingFields} fields can be mapped.` });

export const layoutSchema = z.strictObject({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  w: z.number().int().min(1),
  h: z.number().int().min(1).max(200),
});
export type Layout = z.infer<typeof layoutSchema>;

const actionNameSchema = z.string().trim().min(1).max(100);

const widgetBase = { id: identifierSchema, layout: layoutSchema };

export const COLUMN_FORMATS = ["text", "number", "money", "date", "datetime", "boolean"] as const;

/**
 * A column's or tile's format: a word (as documents always had) or an explicit number format
 * that says its unit. Migration rule, applied when formatting (lib/format resolveNumberFormat),
 * so stored documents never change meaning: the word "money" is integer cents in USD and
 * "percent" is a value already out of 100. The builder writes explicit formats.
 */
export const columnFormatSchema = z.union([z.enum(COLUMN_FORMATS), numberFormatSchema]);
export type ColumnFormat = z.output<typeof columnFormatSchema>;
export const STAT_FORMATS = ["number", "money", "percent", "text"] as const;
export const statFormatSchema = z.union([z.enum(STAT_FORMATS), numberFormatSchema]);
export type StatFormat = z.output<typeof statFormatSchema>;

export const tableWidgetSchema = z.strictObject({
  ...widgetBase,
  type: z.literal("table"),
  props: z.strictObject({
    /** Usually `{{ someQuery.data }}`: a list of rows. */
    data: bindableSchema,
    /** Column whose value keys rows (never the index: it breaks under sort and filter). */
    rowKey: z.string().min(1).max(200).optional(),
    columns: z
      .array(
        z.strictObject({
          key: z.string().min(1).max(200),
          label: z.string().max(200).optional(),
          hidden: z.boolean().optional(),
          format: columnFormatSchema.optional(),
          editable: z.boolean().optional(),
        }),
      )
      .max(DOCUMENT_LIMITS.tableColumns, { message: `A table can configure at most ${DOCUMENT_LIMITS.tableColumns} columns.` })
      .default([]),
    editable: z.boolean().default(false),
    actions: z
      .array(z.strictObject({ action: actionNameSchema, label: z.string().min(1).max(100), mapping: mappingSchema.default({}) }))
      .max(DOCUMENT_LIMITS.tableActions, { message: `A table can have at most ${DOCUMENT_LIMITS.tableActions} row actions.` })
      .default([]),
  }),
});

export const chartWidgetSchema = z.strictObject({
  ...widgetBase,
  type: z.literal("chart"),
  props: z.strictObject({
    kind: z.enum(["bar", "line", "area", "pie"]),
    title: z.string().max(200).optional(),
    data: bindableSchema,
    /** Field of each row on the x axis (or the slice label of a pie). */
    x: z.string().min(1).max(200),
    /** One series per field. */
    y: z.array(z.string().min(1).max(200)).min(1).max(DOCUMENT_LIMITS.chartSeries, { message: `A chart can show at most ${DOCUMENT_LIMITS.chartSeries} series.` }),
    /** How the y values read on the value axis and in tooltips; plain numbers when absent. */
    format: numberFormatSchema.optional(),
  }),
});

export const statWidgetSchema = z.strictObject({
  ...widgetBase,
  type: z.literal("stat"),
  props: z.strictObject({
    label: z.string().max(200),
    value: bindableSchema,
    /** The previous value, shown as a change. */
    comparison: bindableSchema.optional(),
    /** Which direction of change is good (green). */
    trend: z.enum(["up-is-good", "down-is-good"]).optional(),
    format: statFormatSchema.default("number"),
  }),
});

export const textWidgetSchema = z.strictObject({
  ...widgetBase,
  type: z.literal("text"),
  props: z.strictObject({
    markdown: bindableSchema,
    /**
     * Markdown may come from data, so by default an image from another website is shown as a
     * link, never loaded (loading it would tell that site who looked, and when). Off unless
     * the builder turns it on; the site must also be allowed by ROWCRAFT_CSP_IMG_SRC.
     */
    allowRemoteImages: z.boolean().optional(),
  }),
});

const selectOptionsSchema = z.discriminatedUnion("source", [
  z.strictObject({
    source: z.literal("static"),
    items: z.array(z.strictObject({ value: z.union([z.string(), z.number()]), label: z.string().max(200) })).max(DOCUMENT_LIMITS.selectOptions),
  }),
  z.strictObject({
    source: z.literal("query"),
    data: bindableSchema,
    valueField: z.string().min(1).max(200),
    labelField: z.string().min(1).max(200).optional(),
  }),
]);

export const inputPropsSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("text"), label: z.string().max(200), placeholder: z.string().max(200).optional(), default: bindableSchema.optional() }),
  z.strictObject({
    kind: z.literal("number"),
    label: z.string().max(200),
    min: z.number().optional(),
    max: z.number().optional(),
    default: z.union([z.number(), bindableSchema]).optional(),
  }),
  z.strictObject({ kind: z.literal("select"), label: z.string().max(200), options: selectOptionsSchema, default: bindableSchema.optional() }),
  z.strictObject({
    kind: z.literal("dateRange"),
    label: z.string().max(200),
    /** ISO dates or bindings such as `{{ daysAgo(30) }}`. */
    default: z.strictObject({ start: bindableSchema, end: bindableSchema }).optional(),
  }),
  z.strictObject({ kind: z.literal("toggle"), label: z.string().max(200), default: z.boolean().optional() }),
]);

export const inputWidgetSchema = z.strictObject({ ...widgetBase, type: z.literal("input"), props: inputPropsSchema });

export const buttonWidgetSchema = z.strictObject({
  ...widgetBase,
  type: z.literal("button"),
  props: z.strictObject({
    label: z.string().min(1).max(100),
    run: z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("action"), action: actionNameSchema, mapping: mappingSchema.default({}) }),
      z.strictObject({ kind: z.literal("query"), query: identifierSchema }),
    ]),
    /** Shown in a confirmation dialog before running; no dialog when absent. A write query's dialog also says how many rows it changes (from a preview). */
    confirm: z.string().min(1).max(500).optional(),
    /** A binding; the button is disabled while it is truthy, like `{{ len(ordersTable.selectedRows) == 0 }}`. */
    disabledWhen: bindableSchema.optional(),
    /** Why, shown next to the disabled button ("Select an order first."). */
    disabledReason: z.string().min(1).max(200).optional(),
  }),
});

export const formWidgetSchema = z.strictObject({
  ...widgetBase,
  type: z.literal("form"),
  props: z.strictObject({
    action: actionNameSchema,
    title: z.string().max(200).optional(),
    submitLabel: z.string().min(1).max(100).optional(),
    /** Fields to show, in order; all of the action's input fields when absent. */
    fields: z.array(z.string().min(1).max(100)).max(DOCUMENT_LIMITS.formFields).optional(),
    /** Initial values, by field. */
    defaults: mappingSchema.default({}),
  }),
});

export const widgetSchema = z.discriminatedUnion("type", [
  tableWidgetSchema,
  chartWidgetSchema,
  statWidgetSchema,
  textWidgetSchema,
  inputWidgetSchema,
  buttonWidgetSchema,
  formWidgetSchema,
]);
export type Widget = z.infer<typeof widgetSchema>;
export type WidgetType = Widget["type"];

export const pageSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  widgets: z.array(widgetSchema).max(DOCUMENT_LIMITS.widgetsPerPage, { message: `A page can hold at most ${DOCUMENT_LIMITS.widgetsPerPage} widgets.` }).default([]),
});
export type Page = z.infer<typeof pageSchema>;

export const queryTriggerSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("onLoad") }),
  /** Runs on load and again, debounced, whenever a value its bindings read changes. */
  z.strictObject({ kind: z.literal("onInputChange"), debounceMs: z.number().int().min(0).max(10_000).default(300) }),
  z.strictObject({ kind: z.literal("manual") }),
]);

export const appQuerySchema = z.strictObject({
  id: identifierSchema,
  /** Matched by name so an exported app imports into another Rowcraft with the same source names. */
  datasource: z.string().trim().min(1).max(100),
  sql: z.string().min(1).max(100_000),
  mode: queryModeSchema,
  trigger: queryTriggerSchema,
  /**
   * Builder only: values for the SQL's `{{ }}` expressions (keyed by the trimmed expression, as
   * text; JSON for numbers, booleans, null and lists) used by the builder's preview while an
   * expression has no value yet, e.g. before the widget it reads exists. The published app and
   * the server never read them.
   */
  testValues: z
    .record(z.string().min(1).max(2_000), z.string().max(2_000))
    .refine((values) => Object.keys(values).length <= 100, { message: "A query can have at most 100 test values." })
    .optional(),
});
export type AppQuery = z.infer<typeof appQuerySchema>;

const principalsSchema = z.strictObject({
  roles: z.array(roleSchema).max(DOCUMENT_LIMITS.principals).default([]),
  users: z.array(z.email()).max(DOCUMENT_LIMITS.principals, { message: `List at most ${DOCUMENT_LIMITS.principals} people; use roles for more.` }).default([]),
});

export const appDocumentSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "Use lower-case letters, digits and dashes, like order-desk." }).max(100),
  pages: z.array(pageSchema).min(1, { message: "An app needs at least one page." }).max(DOCUMENT_LIMITS.pages, { message: `An app can have at most ${DOCUMENT_LIMITS.pages} pages.` }),
  queries: z.array(appQuerySchema).max(DOCUMENT_LIMITS.queries, { message: `An app can have at most ${DOCUMENT_LIMITS.queries} queries.` }).default([]),
  /** Who may edit (builders by default) and who may use the published app (everyone by default). */
  permissions: z.strictObject({ edit: principalsSchema.optional(), use: principalsSchema.optional() }).optional(),
});
export type AppDocument = z.infer<typeof appDocumentSchema>;
/** What authors write: defaults may be left out. */
export type AppDocumentInput = z.input<typeof appDocumentSchema>;
