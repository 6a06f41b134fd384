import { checkModel } from '../catalog/check.js';
import { UsageError } from '../errors.js';
import type { ModelRef } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';

/** What validate would say about the models a rollback or promotion moves agents to. */
export interface TargetCheck {
  /** Targets validate would reject (retired, or not enabled on the provider), one line per model with the agents moving to it. */
  refused: string[];
  /** Targets that retire within 90 days (validate's warning), same shape. */
  warnings: string[];
}

/**
 * Checks the models `targets` move agents to the way validate checks an
 * agent's model: the catalog's retirement verdict and the provider's `models`
 * allowlist. A rollback to a model that has been retired since would put
 * agents on something that no longer answers. Pure.
 */
export function checkTargets(workspace: LoadedWorkspace, targets: readonly { agent: string; model: ModelRef }[], today: string): TargetCheck {
  const byModel = new Map<string, { model: ModelRef; agents: string[] }>();
  for (const { agent, model } of targets) {
    const key = `${model.provider}/${model.name}`;
    const entry = byModel.get(key) ?? { model, agents: [] };
    entry.agents.push(agent);
    byModel.set(key, entry);
  }
  const refused: string[] = [];
  const warnings: string[] = [];
  for (const { model, agents } of byModel.values()) {
    const who = `${agents.length === 1 ? 'agent' : 'agents'} ${agents.join(', ')}`;
    const provider = workspace.providers.get(model.provider)?.value.spec;
    // A missing provider is validate's finding on the base already; the PR would not make it worse.
    if (!provider) continue;
    if (provider.models && !provider.models.includes(model.name)) {
      refused.push(`${who}: model "${model.name}" is not enabled on provider "${model.provider}" (its models: ${provider.models.join(', ')})`);
    }
    for (const issue of checkModel(workspace.catalog.lookup(model.name), model.name, provider.type, today)) {
      if (issue.rule === 'model-retired') refused.push(`${who}: ${issue.message}`);
      else if (issue.rule === 'model-retiring') warnings.push(`${who}: ${issue.message}`);
    }
  }
  return { refused, warnings };
}

/**
 * The warnings a PR carries for its targets. A refused target stops the
 * command (`action`, e.g. "roll back m", says what was refused) unless
 * `allowRetired`, which turns it into one more warning.
 */
export function targetWarnings(check: TargetCheck, action: string, allowRetired = false): string[] {
  if (check.refused.length > 0 && !allowRetired) {
    throw new UsageError(
      `cannot ${action}: validate would reject the model it moves agents to\n${check.refused.map((r) => `  - ${r}`).join('\n')}`,
      'move these agents to a current model with a migration instead, or pass --allow-retired to open the PR anyway',
    );
  }
  return [...check.refused, ...check.warnings];
}
