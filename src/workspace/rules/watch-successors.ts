import { DEFAULT_HORIZON_DAYS } from '../../watch/deadlines.js';
import { successorProblems } from '../../watch/successors.js';
import { findingAt, type Rule } from './context.js';

/**
 * `spec.watch.successors` pointing at a model that is retired or retires
 * within the watch horizon: watch would move agents onto it and soon again.
 * A warning: the map is a preference, and the date may move.
 */
export const watchSuccessors: Rule = (input) => {
  const config = input.config;
  const watch = config?.value.spec.watch;
  if (!config || !watch?.successors) return [];
  return successorProblems(input.catalog, watch.successors, input.today, watch.horizonDays ?? DEFAULT_HORIZON_DAYS).map((p) =>
    findingAt(config, `spec.watch.successors.${p.model}`, 'watch-successor', p.message, 'warning'),
  );
};
