/**
 * Action services (remote actions served with @rowcraft/actions): the admin form's input and what
 * the API returns about a service — never its secret.
 */
import { z } from "zod";

/** Same rule as the SDK's MIN_SECRET_LENGTH: HMAC is only as strong as its key. */
export const MIN_SERVICE_SECRET_LENGTH = 32;

export const serviceNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { message: "Use a short kebab-case name (billing, order-service): it prefixes the service's action names." })
  .max(40, { message: "Use at most 40 characters." });

export const serviceUrlSchema = z
  .string()
  .trim()
  .url({ message: "Enter the service's endpoint URL, e.g. https://billing.internal/rowcraft." })
  .refine((value) => /^https?:\/\//i.test(value), { message: "The URL must start with http:// or https://." });

export const addActionServiceInput = z.object({
  name: serviceNameSchema,
  url: serviceUrlSchema,
  secret: z.string().min(MIN_SERVICE_SECRET_LENGTH, { message: `The shared secret needs at least ${MIN_SERVICE_SECRET_LENGTH} characters (e.g. openssl rand -hex 32).` }).max(512),
});
export type AddActionServiceInput = z.infer<typeof addActionServiceInput>;

export const actionServiceIdInput = z.object({ id: z.string().min(1).max(100) });

export interface RemoteActionBrief {
  name: string;
  title: string;
  minRole: string;
  danger: boolean;
  target: string;
}

export interface ActionServiceSummary {
  id: string;
  name: string;
  url: string;
  status: "ok" | "error";
  statusMessage: string | null;
  manifestVersion: string | null;
  manifestFetchedAt: Date | null;
  actions: RemoteActionBrief[];
}

/** What a manifest refresh changed, action by action. */
export interface ManifestChanges {
  added: string[];
  removed: string[];
  changed: { name: string; fields: string[] }[];
}

export interface RefreshResult {
  service: ActionServiceSummary;
  changes: ManifestChanges;
}
