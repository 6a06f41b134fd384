import type { TelemetrySource as SourceConfig } from '../schema/index.js';
import { otlpFileSource } from './otlp-file.js';
import { prometheusSource } from './prometheus.js';
import type { SourceDeps, TelemetrySource } from './source.js';

type Factory<C> = (config: C, deps: SourceDeps) => TelemetrySource;

/** Every source type, keyed by the `type` discriminant of `spec.telemetry`. */
export const SOURCES: { [T in SourceConfig['type']]: Factory<Extract<SourceConfig, { type: T }>> } = {
  prometheus: prometheusSource,
  'otlp-file': otlpFileSource,
};

export function createSource(config: SourceConfig, deps: SourceDeps): TelemetrySource {
  // TypeScript cannot tie SOURCES[config.type] to config's own member of the union; the map's type does.
  const factory = SOURCES[config.type] as Factory<SourceConfig>;
  return factory(config, deps);
}
