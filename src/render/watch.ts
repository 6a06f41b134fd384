import type { WatchedModel, WatchOutput } from '../commands/watch.js';
import type { GeneratedRule } from '../watch/rule.js';
import { BUILT_IN } from '../catalog/index.js';
import { describeEvaluation } from '../watch/evaluation.js';
import { escapeMarkdown } from './escape.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function deadlineText(m: WatchedModel): string {
  return m.daysLeft <= 0 ? `was retired on ${m.retires}` : `retires ${m.retires} (in ${plural(m.daysLeft, 'day')})`;
}

function coveredText(m: WatchedModel): string {
  const migrations = [...new Set(m.covered.map((c) => c.migration))];
  return `${plural(m.covered.length, 'agent')} covered by ${migrations.join(', ')}`;
}

/** One block per retiring model, a blank line between blocks: who covers its agents, the rule and PR for the rest, or why there is none. */
export function renderWatchText(output: WatchOutput, rules: readonly GeneratedRule[], dryRun: boolean): string {
  const blocks = output.models.map((m) => modelBlock(output, m, rules, dryRun));
  if (!output.models.length) blocks.push([`No model in use retires within ${plural(output.horizonDays, 'day')}.`]);
  const tail: string[] = [];
  if (output.dashboard) tail.push(`dashboard issue #${output.dashboard.number} ${output.dashboard.url}: ${output.dashboard.operation}`);
  for (const w of output.warnings) tail.push(`warning: ${w}`);
  if (tail.length) blocks.push(tail);
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}

function modelBlock(output: WatchOutput, m: WatchedModel, rules: readonly GeneratedRule[], dryRun: boolean): string[] {
  const lines = [`${m.model} (${m.provider}) ${deadlineText(m)}, date from ${m.dateFrom === BUILT_IN ? 'the built-in catalog' : m.dateFrom}`];
  if (m.covered.length) lines.push(`  ${coveredText(m)}`);
  // A model only code calls gets its reason instead, which says the same.
  const codeOnly = !m.covered.length && !m.uncovered.length && !m.excluded.length;
  if (m.references && !codeOnly) lines.push(`  also referenced in ${plural(m.references, 'place')} outside modelshift files (\`modelshift scan\` lists them; a migration's spec.references rewrites them)`);
  if (m.excluded.length) lines.push(`  ${plural(m.excluded.length, 'agent')} left out as a person decided: ${m.excluded.map((e) => `${e.agent} (spec.select.exclude of ${e.migration})`).join(', ')}`);
  if (m.reason) lines.push(codeOnly ? `  ${m.reason}` : `  ${plural(m.uncovered.length, 'agent')} left on it: ${m.reason}`);
  const migration = output.migrations.find((g) => g.name === m.migration);
  if (!migration) return lines;
  const refs = migration.references ? ` (and ${plural(migration.references, 'reference')} in code and config, spec.references)` : '';
  lines.push(`  ${plural(migration.agents.length, 'agent')}${refs} → ${migration.to.model}: migration ${migration.name}`);
  if (dryRun) {
    const rule = rules.find((r) => r.name === migration.name)!;
    lines.push(`  would open a pull request adding ${migration.file}:`, ...rule.text.trimEnd().split('\n').map((l) => `    ${l}`));
    return lines;
  }
  const pr = migration.pullRequest;
  const ref = pr?.number !== undefined ? ` #${pr.number} ${pr.url ?? ''}`.trimEnd() : '';
  const evaluation = pr?.evaluation ? ` — eval: ${describeEvaluation(pr.evaluation)}` : '';
  lines.push(`  pull request${ref}: ${pr?.operation ?? 'none'}${evaluation}`);
  return lines;
}

export function renderWatchMarkdown(output: WatchOutput, rules: readonly GeneratedRule[], dryRun: boolean): string {
  const parts = [`### Models retiring within ${output.horizonDays} days`, ''];
  if (!output.models.length) parts.push('No model in use retires within the horizon.');
  else parts.push('| model | provider | deadline | covered | left | migration | pull request |', '|---|---|---|---|---|---|---|');
  for (const m of output.models) {
    const migration = output.migrations.find((g) => g.name === m.migration);
    const pr = migration?.pullRequest;
    const prCell = pr?.number !== undefined ? `[#${pr.number}](${pr.url ?? ''}) ${pr.operation}` : migration ? (dryRun ? 'would open' : (pr?.operation ?? '')) : escapeMarkdown(m.reason ?? '');
    const covered = [m.covered.length ? coveredText(m) : '', m.excluded.length ? `${plural(m.excluded.length, 'agent')} excluded by a person` : ''].filter(Boolean).join('; ');
    parts.push(`| ${escapeMarkdown(m.model)} | ${escapeMarkdown(m.provider)} | ${m.retires} | ${escapeMarkdown(covered)} | ${m.uncovered.length} | ${escapeMarkdown(m.migration ?? '')} | ${prCell} |`);
  }
  if (dryRun) for (const r of rules) parts.push('', `<details><summary>${escapeMarkdown(r.file)}</summary>`, '', '```yaml', r.text.trimEnd(), '```', '</details>');
  return `${parts.join('\n')}\n`;
}
