import { catalogChecks } from './catalog.js';
import type { Rule } from './context.js';
import { agentProviders, evalReferences, migrationProviders } from './references.js';
import { literalSecrets } from './secrets.js';
import { uniqueNames } from './unique-names.js';

export type { DocRef, Rule, RuleInput } from './context.js';

/** Every cross-file rule `validate` runs, in report order. */
export const RULES: readonly Rule[] = [uniqueNames, agentProviders, migrationProviders, evalReferences, literalSecrets, catalogChecks];
