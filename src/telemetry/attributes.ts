/**
 * Names of the OpenTelemetry GenAI semantic conventions and of modelshift's
 * own attributes, as an application sets them (`telemetryAttributes` in
 * modelshift/runtime) and as Prometheus exporters translate them: dots become
 * underscores, the unit `s` adds `_seconds`, and a unit in braces (`{token}`)
 * adds nothing (OpenTelemetry, "Prometheus and OpenMetrics Compatibility").
 */
export const ATTR = {
  agent: 'gen_ai.agent.name',
  model: 'gen_ai.request.model',
  arm: 'modelshift.arm',
  migration: 'modelshift.migration',
  errorType: 'error.type',
  tokenType: 'gen_ai.token.type',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
} as const;

export const METRIC = {
  duration: 'gen_ai.client.operation.duration',
  tokens: 'gen_ai.client.token.usage',
} as const;

/** The Prometheus name of an attribute: every character outside [a-zA-Z0-9_] becomes `_`. */
export function promLabel(attribute: string): string {
  return attribute.replace(/[^a-zA-Z0-9_]/g, '_');
}

export const PROM_METRIC = {
  duration: 'gen_ai_client_operation_duration_seconds',
  tokens: 'gen_ai_client_token_usage',
} as const;
