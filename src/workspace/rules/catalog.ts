import { CATALOGUED, checkModel, checkParams, type CatalogIssue } from '../../catalog/check.js';
import type { ModelRef, ProviderType } from '../../schema/index.js';
import { closest } from '../../suggest.js';
import type { Finding } from '../types.js';
import { findingAt, type DocRef, type Rule } from './context.js';

/**
 * Agents (and canaries) use models that exist, are not retired and accept the
 * params they are given; a migration's destination is known and not retired.
 */
export const catalogChecks: Rule = (input) => {
  const types = new Map(input.providers.map((p) => [p.value.metadata.name, p.value.spec.type]));
  const findings: Finding[] = [];
  // A model the catalog does not know is often a typo of one it does, of the same provider; ids differ
  // from each other by a digit or two, so only a near miss is worth naming.
  const nearMiss = (model: string, type: ProviderType) => closest(model, input.catalog.entries().filter((e) => sameFamily(e.provider, type)).map((e) => e.id), 1, 2)[0];
  const withHint = (issues: CatalogIssue[], model: string, type: ProviderType) => issues.map((issue) => {
    if (issue.rule !== 'model-unknown') return issue;
    const near = nearMiss(model, type);
    return near ? { ...issue, message: `${issue.message} (did you mean ${near}?)` } : issue;
  });
  const report = (ref: DocRef, at: string, issues: CatalogIssue[]) => {
    for (const issue of issues) {
      const path = issue.param ? `${at}.params.${issue.param}` : `${at}.name`;
      const prefer = issue.rule === 'param-required' || issue.rule === 'param-unknown' ? 'key' : 'value';
      findings.push(findingAt(ref, issue.rule === 'param-required' ? `${at}.params` : path, issue.rule, issue.message, issue.severity, prefer));
    }
  };
  const checkRef = (ref: DocRef, at: string, model: ModelRef) => {
    const type = types.get(model.provider);
    if (!type) return; // reported by provider-exists
    const entry = input.catalog.lookup(model.name);
    report(ref, at, withHint(checkModel(entry, model.name, type, input.today), model.name, type));
    if (entry && sameFamily(entry.provider, type)) report(ref, at, checkParams(entry, model.params ?? {}));
  };
  for (const ref of input.agents) {
    checkRef(ref, 'spec.model', ref.value.spec.model);
    if (ref.value.spec.rollout) checkRef(ref, 'spec.rollout.model', ref.value.spec.rollout.model);
  }
  const used = new Set(input.agents.flatMap((a) => [a.value.spec.model.name, ...(a.value.spec.rollout ? [a.value.spec.rollout.model.name] : [])]));
  for (const ref of input.migrations) {
    const { from, to } = ref.value.spec;
    const fromType = types.get(from.provider);
    // A source no agent is on and the catalog does not know selects nothing: most likely a typo.
    if (fromType && CATALOGUED.has(fromType) && !from.model.includes('*') && !used.has(from.model) && !input.catalog.lookup(from.model)) {
      const near = nearMiss(from.model, fromType);
      findings.push(findingAt(ref, 'spec.from.model', 'model-unknown', `source model "${from.model}" is not in the catalog and no agent is on it, so this migration selects nothing${near ? `; did you mean ${near}?` : ''}`, 'warning'));
    }
    const type = types.get(to.provider);
    if (!type) continue;
    const issues = withHint(checkModel(input.catalog.lookup(to.model), to.model, type, input.today), to.model, type);
    for (const issue of issues) findings.push(findingAt(ref, 'spec.to.model', issue.rule, `destination ${issue.message}`, issue.severity));
  }
  return findings;
};

/** Azure serves OpenAI's models under the same parameter rules. */
function sameFamily(catalogProvider: 'openai' | 'anthropic', type: ProviderType): boolean {
  return catalogProvider === 'anthropic' ? type === 'anthropic' : type === 'openai' || type === 'azure-openai';
}
