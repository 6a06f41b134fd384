import * as core from '@actions/core';
import { Ajv } from 'ajv';
import type { CommandContext } from '../src/commands/context.js';
import { ExternalError, FileError, UsageError } from '../src/errors.js';
import { provideAjv } from '../src/schema/json-schema-checker.js';
import { redactor, secretsFromEnv } from '../src/secrets/redact.js';
import { checkMode } from './check-mode.js';
import { parseInputs, readRunnerEnv, workingDirectory } from './inputs.js';
import { migrateMode } from './migrate-mode.js';
import { rolloutMode } from './rollout-mode.js';
import { syncMode } from './sync-mode.js';
import { watchMode } from './watch-mode.js';
import { OUTPUT_NAMES, type ModeResult, type OutputName } from './mode.js';

// The bundle has no node_modules for the CLI's lazy load of ajv: it carries ajv and hands it in.
provideAjv(Ajv);

const BUG_URL = 'https://github.com/modelshift/modelshift/issues';

/** Inputs and environment in, the mode's command, results out to the runner. The one place errors end the step. */
async function run(): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    if (inputs.token) core.setSecret(inputs.token);
    for (const secret of secretsFromEnv(process.env)) core.setSecret(secret);
    const runner = readRunnerEnv(process.env);
    const ctx: CommandContext = {
      cwd: await workingDirectory(runner.workspace, inputs.workingDirectory),
      env: process.env,
      stdout: guarded(process.stdout),
      stderr: guarded(process.stderr),
      isTTY: false,
      now: new Date(),
    };
    const result =
      inputs.mode === 'check'
        ? await checkMode(ctx, inputs, runner, (value) => core.setSecret(value))
        : inputs.mode === 'migrate'
          ? await migrateMode(ctx, inputs, runner)
          : inputs.mode === 'watch'
            ? await watchMode(ctx, inputs, runner)
            : inputs.mode === 'rollout'
              ? await rolloutMode(ctx, inputs, runner)
              : await syncMode(ctx, inputs);
    await report(result);
  } catch (error) {
    setOutputs({});
    fail(error);
  }
}

/**
 * The runner masks whole secrets in the log only; annotations, the job
 * summary and outputs are redacted here too, down to any 12-character stretch
 * of a secret (a key prefix echoed by a provider).
 */
const redact = redactor([...secretsFromEnv(process.env), core.getInput('github-token')].filter(Boolean));

async function report(result: ModeResult): Promise<void> {
  for (const a of result.annotations) {
    const properties = { title: a.title, file: a.file, startLine: a.line, startColumn: a.column };
    if (a.level === 'error') core.error(redact(a.message), properties);
    else core.warning(redact(a.message), properties);
  }
  for (const notice of result.notices) core.notice(redact(notice));
  for (const warning of result.warnings) core.warning(redact(warning));
  if (result.summary) await core.summary.addRaw(redact(result.summary)).write();
  setOutputs(Object.fromEntries(Object.entries(result.outputs).map(([name, value]) => [name, value === undefined ? value : redact(value)])));
  if (result.failure) core.setFailed(redact(result.failure));
}

/** Every declared output, '' for those the mode has no value for, so workflows can test them without guards. */
function setOutputs(outputs: Partial<Record<OutputName, string>>): void {
  for (const name of OUTPUT_NAMES) core.setOutput(name, outputs[name] ?? '');
}

/** By type, as cli.ts does: the user's mistakes get their hint, not a stack trace. */
function fail(error: unknown): void {
  const setFailed = (message: string) => core.setFailed(redact(message));
  if (error instanceof UsageError) return setFailed(`${error.message}${error.hint ? `\nhint: ${error.hint}` : ''}`);
  if (error instanceof FileError) {
    const { file, line, column } = error.position;
    return setFailed(`${file}:${line}:${column}: ${error.message} [${error.rule}]${error.hint ? `\nhint: ${error.hint}` : ''}`);
  }
  if (error instanceof ExternalError) {
    const status = error.details.status ? ` (HTTP ${error.details.status})` : '';
    return setFailed(`${error.message}${status}${error.details.hint ? `\nhint: ${error.details.hint}` : ''}`);
  }
  if (error instanceof Error && error.stack) core.debug(error.stack);
  setFailed(`internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in modelshift; please report it at ${BUG_URL} with the workflow log.`);
}

/** Command output can carry user text; a line starting with `::` would be taken for a workflow command. */
function guarded(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => void stream.write(redact(text).replace(/^(\s*)::/gm, '$1:\u200b:'));
}

void run();
