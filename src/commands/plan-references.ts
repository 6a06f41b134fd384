import type { Plan, PlanError } from '../plan/types.js';
import type { Review } from '../review/types.js';
import type { Migration } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import type { Loaded } from '../workspace/types.js';
import type { CommandContext } from './context.js';

/**
 * Adds the migration's references outside modelshift files to its plan: scans the
 * workspace (the edge), then plans the rewrites (pure). Their files join the plan's, so
 * apply and pr write them with the agents; their edit errors block apply like the agents'.
 * Without `spec.references` the plan is returned as it is, unless `count` asks for the
 * numbers anyway (the Action's comment says how many places the migration leaves behind).
 */
export async function withReferences(ctx: CommandContext, plan: Plan, workspace: LoadedWorkspace, migration: Loaded<Migration>, count = false): Promise<Plan> {
  const rule = migration.value.spec;
  if (!rule.references && !count) return plan;
  // The scanner loads only here: a plan without spec.references (every eval's, most plans') never needs it.
  const [{ scanRepository }, { readText }, { planReferences }] = await Promise.all([import('./scan.js'), import('../scan/files.js'), import('../scan/rewrite.js')]);
  const scan = await scanRepository({ ...ctx, cwd: workspace.root });
  const texts = new Map<string, string>();
  for (const file of new Set(scan.references.map((r) => r.file))) {
    const text = readText(workspace.root, file);
    if (text !== undefined) texts.set(file, text);
  }
  const type = (name: string) => workspace.providers.get(name)?.value.spec.type;
  const references = planReferences({
    from: rule.from.model,
    to: rule.to.model,
    rule: rule.references,
    providerChanges: type(rule.from.provider) !== type(rule.to.provider),
    destination: workspace.catalog.lookup(rule.to.model),
    references: scan.references.filter((r) => texts.has(r.file)),
    texts,
  });
  const errors: PlanError[] = references.errors.map((e) => ({ ...e, path: '', rule: 'edit-reference' }));
  return {
    ...plan,
    references,
    files: { ...plan.files, ...references.files },
    errors: [...plan.errors, ...errors],
    summary: { ...plan.summary, warnings: plan.summary.warnings + references.warnings.length, errors: plan.summary.errors + errors.length },
  };
}

/** The reviewed migrations' plans with their references counted, for the check comment; `head` must still be on disk. */
export async function reviewWithReferences(ctx: CommandContext, review: Review, head: LoadedWorkspace): Promise<Review> {
  const migrations = await Promise.all(review.migrations.map(async (m) => {
    const rule = head.migrations.get(m.name);
    return rule ? { ...m, plan: await withReferences(ctx, m.plan, head, rule, true) } : m;
  }));
  return { ...review, migrations };
}
