import { onSource, select } from '../../plan/select.js';
import type { Agent, Migration } from '../../schema/index.js';
import type { Finding } from '../types.js';
import { findingAt, type DocRef, type Rule } from './context.js';

/** How many agent names a finding lists before it says "and N more". */
const LISTED = 5;

/**
 * Two migrations whose selections take the same agent: whichever PR merges
 * first decides, and the other's plan changes under it. An error when both
 * would write the same field (they contradict each other), a warning when
 * they touch different fields (e.g. a canary and a params-only change).
 * One finding per pair of migrations, on the later one, naming the agents.
 */
export const overlappingMigrations: Rule = (input) => {
  const claims = new Map<string, { a: DocRef<Migration>; b: DocRef<Migration>; agents: string[]; fields: Set<string> }>();
  for (const agent of input.agents) {
    const takers = input.migrations.filter((m) => onSource(m.value, agent.value) && select(m.value, agent.value).selected);
    for (let i = 0; i < takers.length; i++) {
      for (let j = i + 1; j < takers.length; j++) {
        const [a, b] = [takers[i]!, takers[j]!];
        const key = `${a.file}\0${a.value.metadata.name}\0${b.file}\0${b.value.metadata.name}`;
        const claim = claims.get(key) ?? { a, b, agents: [], fields: new Set<string>() };
        claim.agents.push(agent.value.metadata.name);
        const theirs = writes(a.value, agent.value);
        for (const field of writes(b.value, agent.value)) if (theirs.has(field)) claim.fields.add(field);
        claims.set(key, claim);
      }
    }
  }
  const findings: Finding[] = [];
  for (const { a, b, agents, fields } of claims.values()) {
    const names = agents.slice(0, LISTED).join(', ') + (agents.length > LISTED ? ` and ${agents.length - LISTED} more` : '');
    const them = agents.length === 1 ? `agent ${names}` : `${agents.length} agents (${names})`;
    const other = `migration "${a.value.metadata.name}" (${a.file})`;
    const fix = 'narrow one of them with spec.select (names, labels or exclude), or finish one before starting the other';
    findings.push(
      fields.size
        ? findingAt(b, 'spec.from', 'migration-overlap', `this migration and ${other} both take ${them} and both would write ${[...fields].sort().join(', ')}; ${fix}`)
        : findingAt(b, 'spec.from', 'migration-overlap', `this migration and ${other} both take ${them}, changing different fields; whichever merges second is planned on the other's result, so ${fix}`, 'warning'),
    );
  }
  return findings;
};

/** The fields of an agent a migration would write: a canary writes spec.rollout only; a direct move the model, params and instructions. */
function writes(rule: Migration, agent: Agent): Set<string> {
  const { to, params, instructions, rollout } = rule.spec;
  if (rollout) return new Set(['spec.rollout']);
  const fields = new Set<string>(['spec.model.name']);
  if (to.provider !== agent.spec.model.provider) fields.add('spec.model.provider');
  const current = agent.spec.model.params ?? {};
  for (const [from, into] of Object.entries(params?.rename ?? {})) {
    if (from in current) fields.add(`spec.model.params.${from}`).add(`spec.model.params.${into}`);
  }
  for (const name of params?.drop ?? []) if (name in current) fields.add(`spec.model.params.${name}`);
  for (const name of Object.keys(params?.set ?? {})) fields.add(`spec.model.params.${name}`);
  if (instructions?.append !== undefined || instructions?.replace?.length) fields.add('spec.instructions');
  return fields;
}
