import { daysUntil, type Catalog } from '../catalog/index.js';

/** A `spec.watch.successors` entry that points at a model which is itself going away. */
export interface SuccessorProblem {
  /** The key as written: the model the successor replaces. */
  model: string;
  successor: string;
  retires: string;
  message: string;
}

/**
 * The configured successors that are retired or retire within the horizon:
 * a migration to one of them moves the agents twice (or onto a model that no
 * longer answers). The message names a better target when the catalog knows
 * one that stays. Pure; `validate` and `watch` both report these.
 */
export function successorProblems(catalog: Catalog, successors: Readonly<Record<string, string>>, today: string, horizonDays: number): SuccessorProblem[] {
  const problems: SuccessorProblem[] = [];
  for (const [model, successor] of Object.entries(successors)) {
    const retires = catalog.lookup(successor)?.retires;
    if (!retires) continue;
    const days = daysUntil(retires, today);
    if (days > horizonDays) continue;
    const when = days <= 0 ? `was retired on ${retires}` : `retires on ${retires} (in ${days} day${days === 1 ? '' : 's'}, within the ${horizonDays}-day horizon)`;
    const better = lasting(catalog, [catalog.lookup(model)?.successor, catalog.lookup(successor)?.successor], today, horizonDays);
    const fix = better ? `map ${model} to ${better} (the catalog's successor), or drop the entry to use the catalog's` : 'map it to a model that is not retiring';
    problems.push({ model, successor, retires, message: `spec.watch.successors maps ${model} to ${successor}, which ${when}; ${fix}` });
  }
  return problems;
}

/** The first candidate the catalog knows that does not retire within the horizon. */
function lasting(catalog: Catalog, candidates: readonly (string | undefined)[], today: string, horizonDays: number): string | undefined {
  return candidates.find((id) => {
    if (!id) return false;
    const entry = catalog.lookup(id);
    return entry !== undefined && (!entry.retires || daysUntil(entry.retires, today) > horizonDays);
  });
}
