import type { Provider } from '../../schema/index.js';
import type { Finding } from '../types.js';
import { findingAt, type Rule, type RuleInput } from './context.js';

function providerIndex(providers: { value: Provider }[]): Map<string, Provider> {
  return new Map(providers.map((p) => [p.value.metadata.name, p.value]));
}

/**
 * Why a reference does not resolve: a document by that name that failed its
 * schema is named (its own errors are reported there), else `otherwise`.
 */
function unresolved(input: RuleInput, kind: 'Provider' | 'EvalSuite', name: string, otherwise: string): string {
  const file = input.invalid[kind]?.get(name);
  const what = kind === 'Provider' ? 'provider' : 'eval suite';
  return file ? `${what} "${name}" is defined in ${file}, but that file is invalid; fix its errors first` : otherwise;
}

function known(names: Iterable<string>): string {
  const list = [...names].sort();
  return list.length ? `known: ${list.join(', ')}` : 'no providers are defined yet';
}

/** An agent's provider exists and, when it lists `models`, allows the agent's model (and a canary's). */
export const agentProviders: Rule = (input) => {
  const providers = providerIndex(input.providers);
  const findings: Finding[] = [];
  for (const ref of input.agents) {
    const { model, rollout } = ref.value.spec;
    const refs = [{ at: 'spec.model', ...model }, ...(rollout ? [{ at: 'spec.rollout.model', ...rollout.model }] : [])];
    for (const { at, provider, name } of refs) {
      const found = providers.get(provider);
      if (!found) {
        findings.push(findingAt(ref, `${at}.provider`, 'provider-exists', unresolved(input, 'Provider', provider, `provider "${provider}" is not defined (${known(providers.keys())}); add a Provider file or fix the name`)));
      } else if (found.spec.models && !found.spec.models.includes(name)) {
        findings.push(findingAt(ref, `${at}.name`, 'provider-models', `model "${name}" is not enabled on provider "${provider}" (its models: ${found.spec.models.join(', ')}); add it to the provider's models or pick one of those`));
      }
    }
  }
  return findings;
};

/** A migration's `from` and `to` providers exist: the destination must be configured before it can be planned. */
export const migrationProviders: Rule = (input) => {
  const providers = providerIndex(input.providers);
  const findings: Finding[] = [];
  for (const ref of input.migrations) {
    for (const side of ['from', 'to'] as const) {
      const { provider, model } = ref.value.spec[side];
      const found = providers.get(provider);
      if (!found) {
        findings.push(findingAt(ref, `spec.${side}.provider`, 'provider-exists', unresolved(input, 'Provider', provider, `provider "${provider}" is not defined (${known(providers.keys())}); add a Provider file for it before planning this migration`)));
      } else if (side === 'to' && found.spec.models && !found.spec.models.includes(model)) {
        findings.push(findingAt(ref, 'spec.to.model', 'provider-models', `model "${model}" is not enabled on provider "${provider}"; add it to the provider's models first`));
      }
    }
  }
  return findings;
};

/** Suites a migration names exist; an llm-judge's provider exists. */
export const evalReferences: Rule = (input) => {
  const suites = new Set(input.evalSuites.map((s) => s.value.metadata.name));
  const providers = providerIndex(input.providers);
  const findings: Finding[] = [];
  for (const ref of input.migrations) {
    ref.value.spec.eval?.suites.forEach((suite, i) => {
      if (!suites.has(suite)) {
        findings.push(findingAt(ref, `spec.eval.suites.${i}`, 'suite-exists', unresolved(input, 'EvalSuite', suite, `eval suite "${suite}" is not defined (${suites.size ? `known: ${[...suites].sort().join(', ')}` : 'no suites yet'}); add an EvalSuite or fix the name`)));
      }
    });
  }
  for (const ref of input.evalSuites) {
    ref.value.spec.cases?.forEach((c, i) =>
      c.assert?.forEach((a, j) => {
        if (a.type === 'llm-judge' && !providers.has(a.provider)) {
          findings.push(findingAt(ref, `spec.cases.${i}.assert.${j}.provider`, 'provider-exists', unresolved(input, 'Provider', a.provider, `judge provider "${a.provider}" is not defined (${known(providers.keys())}); add a Provider file or fix the name`)));
        }
      }),
    );
    ref.value.spec.defaultAssert?.forEach((a, j) => {
      if (a.type === 'llm-judge' && !providers.has(a.provider)) {
        findings.push(findingAt(ref, `spec.defaultAssert.${j}.provider`, 'provider-exists', unresolved(input, 'Provider', a.provider, `judge provider "${a.provider}" is not defined (${known(providers.keys())}); add a Provider file or fix the name`)));
      }
    });
  }
  return findings;
};
