import * as z from 'zod';

/** Where `modelshift analyze` reads production telemetry from (`spec.telemetry` of modelshift.yaml). */
export const TelemetrySource = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('prometheus'),
    /** The server's base URL; queries go to `<url>/api/v1/query`. */
    url: z.url({ protocol: /^https?$/ }),
    tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'must be the NAME of an environment variable' }).optional(),
  }),
  z.strictObject({
    type: z.literal('otlp-file'),
    /** An OpenTelemetry Collector file exporter's output (OTLP/JSON, one object a line), relative to the workspace root. */
    path: z.string().min(1),
  }),
]);
export type TelemetrySource = z.infer<typeof TelemetrySource>;
