import * as z from 'zod';
import { Analysis } from './analysis.js';
import { IsoDate, Name, Params, resource } from './common.js';

export const Gate = z.strictObject({
  minPassRate: z.number().min(0).max(1).optional(),
  maxPassRateDrop: z.number().min(0).max(1).optional(),
  maxCostIncrease: z.number().min(-1).optional(),
  maxLatencyP95Increase: z.number().min(-1).optional(),
  /** Share of an agent's case runs per side that may error (network, 4xx/5xx, timeout); default 0. */
  maxErrorRate: z.number().min(0).max(1).optional(),
  /** Cases per agent that must be scored on both sides; default: all of them. */
  minCases: z.number().int().min(0).optional(),
});
export type Gate = z.infer<typeof Gate>;

/** How `modelshift repair` asks a model for instruction edits and proves them on cases it never showed it. */
export const RepairSettings = z.strictObject({
  /** A workspace provider's name: the connection the proposer is called through. */
  provider: Name,
  model: z.string().min(1),
  attempts: z.number().int().min(1).max(20).optional(),
  /** The most the whole repair may spend, proposer and evals together (catalog prices). */
  budgetUsd: z.number().positive().optional(),
  /** Share of the cases held out from the proposer to confirm an edit. */
  holdout: z.number().min(0.1).max(0.9).optional(),
});
export type RepairSettings = z.infer<typeof RepairSettings>;

export const MigrationSpec = z.strictObject({
  from: z.strictObject({ provider: Name, model: z.string().min(1) }),
  to: z.strictObject({ provider: Name, model: z.string().min(1) }),
  select: z
    .strictObject({
      names: z.array(z.string().min(1)).optional(),
      labels: z.record(z.string(), z.string()).optional(),
      exclude: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  params: z
    .strictObject({
      rename: z.record(z.string(), z.string()).optional(),
      drop: z.array(z.string()).optional(),
      set: Params.optional(),
    })
    .optional(),
  instructions: z
    .strictObject({
      append: z.string().min(1).optional(),
      replace: z.array(z.strictObject({ find: z.string().min(1), with: z.string() })).optional(),
    })
    .optional(),
  eval: z
    .strictObject({
      suites: z.array(Name).min(1),
      gate: Gate.optional(),
      repair: RepairSettings.optional(),
      /** Send the eval's model calls through the providers' batch APIs (half price, answers within 24 hours); `eval --batch` does the same. */
      batch: z.boolean().optional(),
    })
    .optional(),
  rollout: z
    .strictObject({
      steps: z
        .array(z.number().int().min(1).max(100))
        .min(1)
        .refine((steps) => steps.every((s, i) => i === 0 || s > steps[i - 1]!), { message: 'the rollout steps do not increase; list them from smallest to largest, e.g. [10, 50, 100]' })
        .refine((steps) => steps[steps.length - 1] === 100, { message: 'the last rollout step is not 100; end the list with 100 (the cut-over)' }),
      analysis: Analysis.optional(),
    })
    .optional(),
  deadline: IsoDate.optional(),
  /** One pull request per group instead of one for every agent: per value of a label, per owner, or in parts of at most N agents. */
  split: z
    .union([
      z.strictObject({ by: z.literal('label'), label: z.string().min(1) }),
      z.strictObject({ by: z.literal('owner') }),
      z.strictObject({ maxAgents: z.number().int().min(1) }),
    ])
    .optional(),
  /** Also rewrite references to `from` outside modelshift files (what `modelshift scan` finds). */
  references: z
    .strictObject({
      include: z.array(z.string().min(1)).optional(),
      exclude: z.array(z.string().min(1)).optional(),
      kinds: z.array(z.union([z.literal('call-site'), z.literal('config'), z.literal('env'), z.literal('docs')])).min(1).optional(),
    })
    .optional(),
});
export type MigrationSplit = NonNullable<z.infer<typeof MigrationSpec>['split']>;
export type MigrationSpec = z.infer<typeof MigrationSpec>;

export const Migration = resource('Migration', MigrationSpec);
export type Migration = z.infer<typeof Migration>;
