import * as z from 'zod';

export const API_VERSION = 'modelshift.dev/v1';

/** A `metadata.name`: referenced from other files, used in branch names and URLs. */
export const Name = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9._-]{0,126}[a-z0-9])?$/, {
    message: 'must be lowercase letters, digits, ".", "_" or "-", starting and ending with a letter or digit (max 128)',
  });

/** A GitHub reviewer: `@user` or `@org/team`. */
export const Owner = z
  .string()
  .regex(/^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]+)?$/, {
    message: 'must be a GitHub user ("@octocat") or team ("@acme/support-eng")',
  });

export const Metadata = z.strictObject({
  name: Name,
  labels: z.record(z.string(), z.string()).optional(),
  owners: z.array(Owner).optional(),
  description: z.string().optional(),
});
export type Metadata = z.infer<typeof Metadata>;

/** Provider-native parameters: open by design, checked against the catalog instead. */
export const Params = z.record(z.string(), z.unknown());
export type Params = z.infer<typeof Params>;

/** A model on a provider, as agents and rollouts reference it. */
export const ModelRef = z.strictObject({
  provider: Name,
  name: z.string().min(1),
  params: Params.optional(),
});
export type ModelRef = z.infer<typeof ModelRef>;

/** A calendar date written `YYYY-MM-DD` (YAML 1.2 keeps it a string). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  // The pattern lets 2027-13-45 through; a date that does not exist on the calendar is a typo.
  .refine((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || isCalendarDay(text), { message: 'is not a date on the calendar; write a real day as YYYY-MM-DD' });

function isCalendarDay(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

export function resource<K extends string, S extends z.ZodType>(kind: K, spec: S) {
  return z.strictObject({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(kind),
    metadata: Metadata,
    spec,
  });
}
