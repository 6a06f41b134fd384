import * as z from 'zod';
import { ProviderType } from '../schema/provider.js';
import { Gate } from '../schema/migration.js';
import { CachedResponse } from './cache.js';
import type { EvalPart } from './shard.js';
import type { CaseErrorKind, CaseResult } from './types.js';

/** Every error kind, checked complete by the compiler. */
const ERROR_KINDS = {
  auth: true,
  'rate-limit': true,
  server: true,
  request: true,
  timeout: true,
  connection: true,
  aborted: true,
  'bad-response': true,
  judge: true,
  'cache-miss': true,
  assertion: true,
} satisfies Record<CaseErrorKind, true>;

const Usage = z.strictObject({ inputTokens: z.number(), outputTokens: z.number() });
const Side = z.enum(['base', 'head']);

const Result = z.strictObject({
  agent: z.string(),
  side: Side,
  suite: z.string(),
  case: z.string(),
  repeat: z.number().int().min(1),
  provider: z.string(),
  providerType: ProviderType,
  model: z.string(),
  status: z.enum(['pass', 'fail', 'error', 'not-run']),
  // The type names the assertion; its list grows with the assertion catalogue, and a merge only shows it.
  assertions: z.array(z.strictObject({ type: z.string(), pass: z.boolean(), reason: z.string(), score: z.number().optional() })),
  response: CachedResponse.optional(),
  cached: z.boolean(),
  error: z.strictObject({ kind: z.enum(Object.keys(ERROR_KINDS) as [CaseErrorKind, ...CaseErrorKind[]]), message: z.string(), status: z.number().optional() }).optional(),
  judgeCalls: z.array(z.strictObject({ providerType: ProviderType, model: z.string(), usage: Usage })),
});

const Price = z.strictObject({ inputPerMTok: z.number(), outputPerMTok: z.number() });
const ModelSide = z.strictObject({ provider: z.string(), model: z.string() });

/** The part file `eval --shard K/N --output part-K.json` writes. */
export const EvalPartFile = z.strictObject({
  kind: z.literal('modelshift-eval-part'),
  version: z.literal(1),
  shard: z.strictObject({ index: z.number().int().min(1), count: z.number().int().min(1) }),
  run: z.string(),
  migration: z.string(),
  gate: Gate.nullable(),
  skipped: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
  agents: z.array(
    z.strictObject({
      name: z.string(),
      base: ModelSide,
      head: ModelSide,
      total: z.number().int().min(0),
      units: z.array(z.number().int().min(0)),
      results: z.array(Result),
    }),
  ),
  prices: z.array(z.strictObject({ providerType: ProviderType, model: z.string(), price: Price.nullable() })),
  calls: z.number().int().min(0),
  cached: z.number().int().min(0),
  interrupted: z.boolean(),
});

/** A part file's content, checked; the message of a failure says where, for the command to report. */
export function parsePart(data: unknown): { part: EvalPart } | { problem: string } {
  // Most often the wrong file was passed: say that rather than what its first field lacks.
  const kind = data !== null && typeof data === 'object' ? (data as { kind?: unknown }).kind : undefined;
  if (kind !== 'modelshift-eval-part') return { problem: `it has ${typeof kind === 'string' ? `kind "${kind.slice(0, 40)}"` : 'no kind'}, not "modelshift-eval-part"` };
  const parsed = EvalPartFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { problem: `${issue.path.join('.') || '(top level)'}: ${issue.message}` };
  }
  const part = parsed.data;
  for (const agent of part.agents) {
    if (agent.results.length !== 2 * agent.units.length) return { problem: `${agent.name}: ${agent.results.length} results for ${agent.units.length} units (want two per unit)` };
    if (agent.units.some((u) => u >= agent.total)) return { problem: `${agent.name}: a unit beyond its ${agent.total} case runs` };
    const misplaced = agent.results.findIndex((r, i) => r.agent !== agent.name || r.side !== (i < agent.units.length ? 'base' : 'head'));
    if (misplaced >= 0) return { problem: `${agent.name}: result ${misplaced} is not where its agent and side belong (base's runs first, then head's)` };
  }
  // The assertion `type` is checked as a string above: the renderers only print it.
  return { part: { ...part, agents: part.agents.map((a) => ({ ...a, results: a.results as CaseResult[] })) } };
}
