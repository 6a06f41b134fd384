import type { Plan } from '../plan/types.js';
import { fitToLimit } from '../render/fit.js';
import { renderPlanMarkdown, type PlanDetail, type PlanMarkdownOptions } from '../render/plan-markdown.js';
import { withMarker, type PrMarker } from './marker.js';

/**
 * Less and less detail, in the order a reviewer misses it least: the diff
 * (the Files tab has it), then long lists, then agent rows. The last level
 * keeps the summary line, the rule's description and deadline, and errors.
 */
const LEVELS: PlanDetail[] = [
  { diff: true, agents: Infinity, items: Infinity },
  { diff: false, agents: Infinity, items: Infinity },
  { diff: false, agents: Infinity, items: 50 },
  { diff: false, agents: 200, items: 20 },
  { diff: false, agents: 50, items: 10 },
  { diff: false, agents: 0, items: 3 },
];

export interface PrBodyInput {
  plan: Plan;
  marker: Omit<PrMarker, 'tool'>;
  /** Text after the plan (how the PR was made, how to change it). */
  footer: string;
  about?: PlanMarkdownOptions['about'];
  heading?: string;
  limit?: number;
}

/** The PR body of a plan, marker included, as detailed as GitHub's body limit allows, with a visible note when trimmed. */
export function fitPrBody(input: PrBodyInput): { body: string; trimmed: boolean } {
  const note = `✂️ Details were left out to stay under GitHub's size limit for a pull request description; \`modelshift plan ${input.plan.migration}\` prints the full plan and the Files tab has every change.`;
  const render = (detail: PlanDetail, trimmed: boolean) =>
    withMarker(
      `${renderPlanMarkdown(input.plan, { detail, ...(trimmed ? { note } : {}), ...(input.about ? { about: input.about } : {}), ...(input.heading ? { heading: input.heading } : {}) })}\n---\n${input.footer}`,
      input.marker,
    );
  return fitToLimit(LEVELS, render, input.limit);
}
