import { EXIT } from '../errors.js';
import type { EvalReport } from '../eval/index.js';
import { checkCommand } from './check.js';
import type { CommandContext, CommandResult } from './context.js';
import { evaluate, renderEval, type EvalOptions } from './eval.js';

export interface EvalRefsOptions extends Omit<EvalOptions, 'migration' | 'suite'> {
  base: string;
  head: string;
}

/** `eval --base/--head` JSON: DESIGN §2's shape over every group, plus how each group went. */
export interface EvalRefsData {
  agents: EvalReport['agents'];
  gate: EvalReport['gate'];
  calls: number;
  cached: number;
  groups: { migration: string | null; status: 'ran' | 'skipped' | 'failed'; reason?: string }[];
}

/**
 * `modelshift eval --base REF --head REF`: every agent whose config differs
 * between the refs (a PR that edits prompts, not only models), grouped by the
 * migration that explains the change, each group with its suites and gate.
 */
export async function evalRefsCommand(ctx: CommandContext, opts: EvalRefsOptions): Promise<CommandResult<EvalRefsData>> {
  const checked = await checkCommand(
    { ...ctx, stdout: () => undefined },
    {
      base: opts.base,
      head: opts.head,
      evalMode: 'always',
      offline: opts.offline,
      evaluate: (inner, { group, suites, workspace }) => evaluate(inner, workspace, { pairs: group.pairs, suites, gate: group.gate, batch: group.batch }, opts),
      comment: false,
      format: 'json',
    },
  );
  const outcomes = checked.data.report.evals;
  const reports = outcomes.flatMap((o) => (o.status === 'ran' ? [o.report] : []));
  const failed = outcomes.flatMap((o) => (o.status === 'failed' ? [`${o.group.migration ?? 'changed agents'}: ${o.reason}`] : []));
  const data: EvalRefsData = {
    agents: reports.flatMap((r) => r.agents),
    gate: { passed: failed.length === 0 && reports.every((r) => r.gate.passed), reasons: [...failed, ...reports.flatMap((r) => r.gate.reasons)] },
    calls: reports.reduce((n, r) => n + r.calls, 0),
    cached: reports.reduce((n, r) => n + r.cached, 0),
    groups: outcomes.map((o) => ({ migration: o.group.migration ?? null, status: o.status, ...(o.status === 'ran' ? {} : { reason: o.reason }) })),
  };
  if (opts.format === 'json') {
    ctx.stdout(`${JSON.stringify(data, null, 2)}\n`);
  } else {
    if (!outcomes.length) ctx.stdout(`no agent changes between ${opts.base} and ${opts.head}\n`);
    for (const outcome of outcomes) {
      const title = outcome.group.migration ? `migration ${outcome.group.migration}` : 'agents changed without a migration';
      ctx.stdout(opts.format === 'markdown' ? `### ${title}\n\n` : `── ${title}\n`);
      ctx.stdout(outcome.status === 'ran' ? await renderEval(outcome.report, opts.format, ctx.isTTY) : `${outcome.status}: ${outcome.reason}\n`);
      ctx.stdout('\n');
    }
  }
  const exitCode = !checked.data.valid || !data.gate.passed ? EXIT.findings : EXIT.ok;
  return { exitCode, data };
}

