import { createHash } from 'node:crypto';
import type { Price } from './stats.js';
import type { CaseResult } from './types.js';
import type { EvaluationInput } from './evaluate.js';
import type { AgentResults, ReportInput } from './report.js';
import { canonicalJson } from './cache.js';

/** `--shard K/N`: the K-th (1-based) of N parts. */
export interface Shard {
  index: number;
  count: number;
}

/** Round robin over the units in their stable order: deterministic, and every shard gets as many units as any other ±1. */
export function inShard(unit: number, shard: Shard | undefined): boolean {
  return !shard || unit % shard.count === shard.index - 1;
}

/** What one shard writes (`eval --shard K/N --output part-K.json`); `eval merge` reads every part back. */
export interface EvalPart {
  kind: 'modelshift-eval-part';
  version: 1;
  shard: Shard;
  /** Same for every shard of one run: the configs, suites and gate hashed. Parts of different runs do not merge. */
  run: string;
  migration: string;
  gate: ReportInput['gate'] | null;
  skipped: ReportInput['skipped'];
  agents: {
    name: string;
    base: AgentResults['base'];
    head: AgentResults['head'];
    /** Case runs in the agent's full list. */
    total: number;
    /** Positions of this shard's units in that list; `results` holds base's runs of them, then head's. */
    units: number[];
    results: CaseResult[];
  }[];
  /** The catalog prices the run used, so a merge needs no workspace. */
  prices: { providerType: CaseResult['providerType']; model: string; price: Price | null }[];
  calls: number;
  cached: number;
  interrupted: boolean;
}

/** A fingerprint of everything that decides which units exist and what they send. */
export function runFingerprint(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

export function partOf(input: EvaluationInput, meta: { shard: Shard; run: string; migration: string }): EvalPart {
  const prices = new Map<string, EvalPart['prices'][number]>();
  const note = (providerType: CaseResult['providerType'], model: string) => {
    const key = `${providerType}\u0000${model}`;
    if (!prices.has(key)) prices.set(key, { providerType, model, price: input.price(providerType, model) ?? null });
  };
  for (const agent of input.agents) {
    for (const r of agent.results) {
      note(r.providerType, r.model);
      for (const call of r.judgeCalls) note(call.providerType, call.model);
    }
  }
  return {
    kind: 'modelshift-eval-part',
    version: 1,
    ...meta,
    gate: input.gate ?? null,
    skipped: input.skipped,
    agents: input.agents.map((a, i) => ({ name: a.name, base: a.base, head: a.head, total: input.totals[i]!, units: input.units[i]!, results: a.results })),
    prices: [...prices.values()],
    calls: input.calls,
    cached: input.cached,
    interrupted: input.interrupted,
  };
}

/** Why a set of parts does not make one whole run; thrown as the command's usage error. */
export class PartsMismatch extends Error {
  override name = 'PartsMismatch';
}

/**
 * Puts the parts of one sharded run back together: every shard exactly once,
 * every unit exactly once, results in the order the unsharded run makes them,
 * so the report, the paired statistics and the gate come out the same.
 */
export function mergeParts(parts: EvalPart[]): ReportInput & { migration: string } {
  const first = parts[0];
  if (!first) throw new PartsMismatch('no part files given');
  const { count } = first.shard;
  const agentNames = first.agents.map((a) => `${a.name}/${a.total}`).join(',');
  for (const part of parts) {
    if (part.run !== first.run || part.shard.count !== count || part.agents.map((a) => `${a.name}/${a.total}`).join(',') !== agentNames) {
      throw new PartsMismatch(`shard ${part.shard.index}/${part.shard.count} comes from another run than shard ${first.shard.index}/${count} (different agents, suites, gate or shard count)`);
    }
  }
  const byIndex = new Map<number, EvalPart>();
  for (const part of parts) {
    if (byIndex.has(part.shard.index)) throw new PartsMismatch(`shard ${part.shard.index}/${count} is given twice`);
    byIndex.set(part.shard.index, part);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) throw new PartsMismatch(`shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing`);

  const ordered = [...byIndex.values()].sort((a, b) => a.shard.index - b.shard.index);
  const agents: AgentResults[] = first.agents.map((agent, a) => {
    const base: (CaseResult | undefined)[] = new Array<CaseResult | undefined>(agent.total);
    const head: (CaseResult | undefined)[] = new Array<CaseResult | undefined>(agent.total);
    for (const part of ordered) {
      const mine = part.agents[a]!;
      mine.units.forEach((position, i) => {
        base[position] = mine.results[i];
        head[position] = mine.results[mine.units.length + i];
      });
    }
    const results = [...base, ...head];
    if (results.some((r) => r === undefined)) throw new PartsMismatch(`${agent.name}: some case runs are in no part`);
    return { name: agent.name, base: agent.base, head: agent.head, results: results as CaseResult[] };
  });

  const prices = new Map(ordered.flatMap((p) => p.prices).map((p) => [`${p.providerType}\u0000${p.model}`, p.price]));
  return {
    migration: first.migration,
    agents,
    skipped: first.skipped,
    ...(first.gate ? { gate: first.gate } : {}),
    calls: ordered.reduce((n, p) => n + p.calls, 0),
    cached: ordered.reduce((n, p) => n + p.cached, 0),
    interrupted: ordered.some((p) => p.interrupted),
    price: (providerType, model) => prices.get(`${providerType}\u0000${model}`) ?? undefined,
  };
}
