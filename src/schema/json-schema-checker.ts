import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { Ajv } from 'ajv';

type AjvClass = typeof Ajv;

const require = createRequire(import.meta.url);
let provided: AjvClass | undefined;

/**
 * For a bundle (the Action), which has no node_modules to load ajv from at
 * run time: its entry imports ajv and hands the class in before any command runs.
 */
export function provideAjv(ajv: AjvClass): void {
  provided = ajv;
}

/**
 * A lazily made ajv instance for the JSON Schemas of `is-json` and `tool-call`
 * checks: ajv takes ~60 ms to load, and most runs (suites without a schema,
 * validate of a workspace without one) never compile a schema, so it is loaded
 * on the first call. Synchronous, because zod refinements and the static checks
 * are. Each caller gets its own instance: one ajv refuses a second schema with
 * the same `$id`, and the loader and the checks each compile their own copy.
 */
export function lazyJsonSchemaChecker(): () => Ajv {
  let checker: Ajv | undefined;
  return () => {
    if (!checker) {
      const AjvClass = provided ?? (require('ajv') as typeof AjvModule).Ajv;
      checker = new AjvClass({ allErrors: true, strict: false });
    }
    return checker;
  };
}
