import type { Gate } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import { BUILT_IN } from '../catalog/index.js';
import { ruleParams, suitesFor, type Deadline } from './deadlines.js';

/** The label generated migrations carry, so later runs know which rules are theirs to rewrite. */
export const GENERATED_BY = 'modelshift-watch';

/** What a generated rule's `spec.references` needs of a `scan` finding. */
export interface FoundReference {
  file: string;
  /** The id as written (without a provider prefix). */
  model: string;
  kind: string;
}

/**
 * The kinds a generated rule rewrites: code, config and env files. Docs are
 * left to people — prose (a changelog, an ADR) often names the old model on
 * purpose — as the plan engine itself does when `kinds` is not given.
 */
export const GENERATED_REFERENCE_KINDS = ['call-site', 'config', 'env'] as const;

/** A migration rule `watch` writes for one deadline. */
export interface GeneratedRule {
  name: string;
  /** Relative to the workspace root, with `/`. */
  file: string;
  text: string;
  from: { provider: string; model: string };
  to: { provider: string; model: string };
  agents: string[];
  deadline: string;
  suites: string[];
  /** References outside modelshift files the rule's `spec.references` takes (`--references`); 0 without it. */
  references: number;
}

const SCHEMA = 'https://raw.githubusercontent.com/modelshift/modelshift/main/schemas/migration.schema.json';

/**
 * The rule for a deadline: from the retiring model to its successor on the
 * same provider, the parameter renames and drops the successor requires,
 * every suite that applies to the agents, the gate, and the retirement date
 * as the deadline. Only the uncovered agents are selected when a migration
 * already takes some of the others. Pure; the same inputs give the same bytes,
 * so an unchanged deadline leaves its pull request unchanged.
 */
export function generateRule(
  workspace: LoadedWorkspace, deadline: Deadline & { successor: string }, gate: Gate, taken: ReadonlySet<string>, found: readonly FoundReference[] = [],
): GeneratedRule {
  const name = ruleName(workspace, deadline, taken);
  const agents = deadline.uncovered.map((n) => workspace.agents.get(n)!.value);
  const destination = workspace.catalog.lookup(deadline.successor);
  const params = ruleParams(agents, destination);
  const suites = suitesFor(workspace, agents);
  const file = `migrations/${name}.yaml`;

  const lines = [
    `# yaml-language-server: $schema=${SCHEMA}`,
    '# Written by `modelshift watch`. Edit it freely: once merged, watch never writes it again.',
    'apiVersion: modelshift.dev/v1',
    'kind: Migration',
    'metadata:',
    `  name: ${name}`,
    `  labels: { generated-by: ${GENERATED_BY} }`,
    `  description: ${quote(description(deadline, agents.length))}`,
    'spec:',
    `  from: { provider: ${deadline.provider}, model: ${scalar(deadline.model)} }`,
    `  to: { provider: ${deadline.provider}, model: ${scalar(deadline.successor)} }`,
  ];
  // Excluded agents stay excluded here too, so the plan names the exclusion as the reason they are skipped.
  const excluded = deadline.excluded.map((e) => e.agent);
  if (deadline.covered.length || excluded.length) {
    if (excluded.length) lines.push(`  # Left out as a person decided: ${deadline.excluded.map((e) => `${e.agent} (spec.select.exclude of ${e.migration})`).join(', ')}.`);
    lines.push(`  select: { names: [${deadline.uncovered.map(scalar).join(', ')}]${excluded.length ? `, exclude: [${excluded.map(scalar).join(', ')}]` : ''} }`);
  }
  if (Object.keys(params.rename).length || params.drop.length) {
    lines.push('  params:');
    if (Object.keys(params.rename).length) lines.push(`    rename: { ${Object.entries(params.rename).map(([a, b]) => `${scalar(a)}: ${scalar(b)}`).join(', ')} }`);
    if (params.drop.length) lines.push(`    drop: [${params.drop.map(scalar).join(', ')}]`);
  }
  if (suites.length) {
    lines.push('  eval:', `    suites: [${suites.join(', ')}]`);
    const entries = Object.entries(gate).filter(([, v]) => v !== undefined);
    if (entries.length) lines.push(`    gate: { ${entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ')} }`);
  }
  lines.push(`  deadline: ${quote(deadline.retires)}`);
  const references = referencesOf(deadline.model, found);
  if (references.count) {
    lines.push(
      `  # The ${references.count} place${references.count === 1 ? '' : 's'} \`modelshift scan\` found in code and config, in the folders they are in today; widen include to take more.`,
      `  references: { include: [${references.include.map(quote).join(', ')}], kinds: [${GENERATED_REFERENCE_KINDS.join(', ')}] }`,
    );
  }

  return {
    name, file, text: `${lines.join('\n')}\n`,
    from: { provider: deadline.provider, model: deadline.model }, to: { provider: deadline.provider, model: deadline.successor },
    agents: deadline.uncovered, deadline: deadline.retires, suites, references: references.count,
  };
}

/**
 * The references a rule from `model` rewrites: the id exactly as the agents
 * write it (the rule's `from`; a snapshot id in code is a different id),
 * of the generated kinds. `include` names the top-level folder of each (a
 * file at the root by itself), so the reviewer sees the reach of the rewrite.
 */
function referencesOf(model: string, found: readonly FoundReference[]): { count: number; include: string[] } {
  const taken = found.filter((r) => r.model === model && (GENERATED_REFERENCE_KINDS as readonly string[]).includes(r.kind));
  const include = [...new Set(taken.map((r) => (r.file.includes('/') ? `${r.file.slice(0, r.file.indexOf('/'))}/**` : r.file)))].sort();
  return { count: taken.length, include };
}

function description(deadline: Deadline & { successor: string }, count: number): string {
  const verb = deadline.daysLeft <= 0 ? 'was retired on' : 'shuts down on';
  const source = deadline.dateOrigin === BUILT_IN ? providerPage(deadline.entry.sources) : deadline.dateOrigin;
  return `${deadline.model} ${verb} ${deadline.retires} (date from ${source}); moves ${count} agent${count === 1 ? '' : 's'} to ${deadline.successor}.`;
}

/** The provider's deprecations page when the entry cites it, else its first source. */
function providerPage(sources: readonly string[]): string {
  return sources.find((s) => /deprecat/i.test(s)) ?? sources[0] ?? 'the built-in catalog';
}

/**
 * `<model>-to-<successor>`, made a valid name. A merged migration covers its
 * agents, so a deadline only comes back for agents it does not take: a name
 * the workspace or another group already uses gets the provider, then a
 * number, appended. The name depends only on the workspace, so each run
 * finds the same branch and updates its pull request.
 */
function ruleName(workspace: LoadedWorkspace, deadline: Deadline & { successor: string }, taken: ReadonlySet<string>): string {
  const base = slug(`${deadline.model}-to-${deadline.successor}`);
  const free = (name: string) => !taken.has(name) && !workspace.migrations.has(name) && ![...workspace.files.keys()].includes(`migrations/${name}.yaml`);
  if (free(base)) return base;
  for (let n = 1; ; n++) {
    const candidate = slug(n === 1 ? `${base}-${deadline.provider}` : `${base}-${deadline.provider}-${n}`);
    if (free(candidate)) return candidate;
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').slice(0, 128);
}

/** A plain YAML scalar when it is safe as one, else a JSON (= YAML double-quoted) string. */
function scalar(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !/^[\d.]+$/.test(text) ? text : quote(text);
}

function quote(text: string): string {
  return JSON.stringify(text);
}
