import { catalogChecks } from './catalog.js';
import type { Rule } from './context.js';
import { migrationNames } from './migration-names.js';
import { overlappingMigrations } from './overlapping-migrations.js';
import { pathsInside } from './paths.js';
import { agentProviders, evalReferences, migrationProviders } from './references.js';
import { uniqueNames } from './unique-names.js';
import { urlCredentials } from './urls.js';
import { watchSuccessors } from './watch-successors.js';

export type { DocRef, Rule, RuleInput } from './context.js';

/**
 * Every cross-file rule `validate` runs, in report order. Checks of one
 * document on its own (schema, literal secrets) run in parseFile instead.
 */
export const RULES: readonly Rule[] = [uniqueNames, migrationNames, agentProviders, migrationProviders, evalReferences, catalogChecks, overlappingMigrations, urlCredentials, pathsInside, watchSuccessors];
