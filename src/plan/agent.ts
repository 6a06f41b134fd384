import type { CatalogEntry } from '../catalog/index.js';
import type { Agent, Migration, ProviderType } from '../schema/index.js';
import { diffFields } from './changes.js';
import { adaptInstructions } from './instructions.js';
import { migrateParams } from './params.js';
import type { FieldChange } from './types.js';

/** What planning one agent needs besides the agent: plain data, so a worker thread can have it too. */
export interface AgentContext {
  fromType: ProviderType;
  toType: ProviderType;
  destination: CatalogEntry | undefined;
}

export interface PlannedAgent {
  changes: FieldChange[];
  /** Without the claims by other migrations, which only the whole workspace knows. */
  warnings: string[];
  after: Agent;
}

/** One selected agent under the rule: its new document, the field changes and the warnings. Pure. */
export function planAgent(rule: Migration, agent: Agent, ctx: AgentContext): PlannedAgent {
  const { to } = rule.spec;
  const params = migrateParams(agent.spec.model.params ?? {}, { rule: rule.spec.params, fromType: ctx.fromType, toType: ctx.toType, destination: ctx.destination });
  const instructions = adaptInstructions(agent.spec.instructions, rule.spec.instructions);
  const warnings = [...params.warnings, ...instructions.warnings];
  if (!ctx.destination && (ctx.toType === 'openai' || ctx.toType === 'anthropic')) {
    warnings.push(`${to.model} is not in the catalog; its parameters were not checked`);
  }
  const model = { provider: to.provider, name: to.model, ...(Object.keys(params.params).length || agent.spec.model.params ? { params: params.params } : {}) };
  // Only spec changes; the rest of the document is shared with `agent`, which nothing mutates.
  const after: Agent = { ...agent, spec: { ...agent.spec, instructions: instructions.text } };
  if (rule.spec.rollout) {
    const [weight] = rule.spec.rollout.steps;
    after.spec.rollout = { migration: rule.metadata.name, weight: weight!, model };
    if (instructions.text !== agent.spec.instructions) {
      warnings.push('instructions change for every conversation now; the canary covers the model only');
    }
  } else {
    after.spec.model = model;
  }
  return { changes: diffFields(agent, after), warnings, after };
}
