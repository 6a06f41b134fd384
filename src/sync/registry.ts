import type { SyncTarget as SyncTargetConfig } from '../schema/index.js';
import { fileTarget } from './file-target.js';
import { flagdTarget } from './flagd-target.js';
import { httpTarget } from './http-target.js';
import { litellmTarget } from './litellm-target.js';
import type { SyncTarget, TargetDeps } from './target.js';

type Factory<C> = (config: C, deps: TargetDeps) => SyncTarget;

/** Every target type, keyed by the `type` discriminant of `spec.sync.targets`. */
export const TARGETS: { [T in SyncTargetConfig['type']]: Factory<Extract<SyncTargetConfig, { type: T }>> } = {
  file: fileTarget,
  http: httpTarget,
  litellm: litellmTarget,
  flagd: flagdTarget,
};

export function createTarget(config: SyncTargetConfig, deps: TargetDeps): SyncTarget {
  // TypeScript cannot tie TARGETS[config.type] to config's own member of the union; the map's type does.
  const factory = TARGETS[config.type] as Factory<SyncTargetConfig>;
  return factory(config, deps);
}
