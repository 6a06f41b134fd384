import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { Argument, Command, CommanderError, Option } from 'commander';
import type { CommandContext, CommandResult, Format } from './commands/context.js';
import { stripBidi } from './render/escape.js';
import { redactor, secretsFromEnv } from './secrets/redact.js';
import { VERSION } from './version.js';
import { EXIT, ExternalError, FileError, UsageError, type ExitCode } from './errors.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now: Date;
  signal?: AbortSignal;
  /** For long-running commands: a signal that Ctrl-C aborts instead of killing the process. */
  interruptible?: () => AbortSignal;
}

const BUG_URL = 'https://github.com/modelshift/modelshift/issues';
const MIGRATION_ARGUMENT = 'migration name (metadata.name) or path to its file';

interface GlobalOptions {
  dir?: string;
  /** `sarif` is scan's alone (code-scanning upload). */
  format: Format | 'sarif';
}

/**
 * argv → command → exit code. The one place errors become exit codes.
 * Commands are imported when they run, so `--help` or `validate` do not pay
 * for loading the LLM SDKs, Octokit and git.
 */
export async function main(argv: readonly string[], given: Io = processIo()): Promise<ExitCode> {
  const io = redacted(given);
  let exitCode: ExitCode = EXIT.ok;
  const program = new Command('modelshift')
    .description('Move AI agents between LLM models and providers through git.')
    .version(VERSION, '-v, --version')
    .option('-C, --dir <dir>', 'run in this workspace folder instead of the current one')
    .addOption(new Option('--format <format>', 'output format (sarif: scan only)').choices(['text', 'json', 'markdown', 'sarif']).default('text'))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const context = (command: Command): CommandContext & { format: Format } => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    if (globals.format === 'sarif' && command.name() !== 'scan') throw new UsageError('--format sarif is only for modelshift scan', 'use --format text, json or markdown');
    return {
      cwd: path.resolve(io.cwd, globals.dir ?? '.'),
      env: io.env,
      stdout: io.stdout,
      stderr: io.stderr,
      isTTY: io.isTTY,
      now: io.now,
      signal: io.signal,
      format: globals.format as Format,
    };
  };
  // Commands whose `<migration>` commander takes as optional: run without it, they list the workspace's migrations
  // instead of commander's bare "missing required argument".
  const takesMigration = new WeakSet<Command>();
  const withMigration = (command: Command): Command => {
    takesMigration.add(command);
    return command.argument('[migration]', MIGRATION_ARGUMENT).usage('[options] <migration>');
  };
  const run = (task: (ctx: CommandContext & { format: Format }, command: Command) => Promise<CommandResult<unknown>>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      // Before anything else: finish or undo a write a killed run left half done.
      const ctx = context(command);
      await (await import('./workspace/before-command.js')).recoverBeforeCommand(ctx.cwd, ctx.stderr);
      if (takesMigration.has(command) && command.args[0] === undefined) throw await missingMigration(ctx, command.name());
      exitCode = (await task(ctx, command)).exitCode;
    };

  program
    .command('validate')
    .description('check every modelshift file: schema, references, model catalog, literal secrets')
    .option('--strict', 'exit 1 when the folder holds no modelshift files (a warning otherwise)')
    .action(run(async (ctx, command) => (await import('./commands/validate.js')).validateCommand(ctx, { format: ctx.format, strict: command.opts<{ strict?: boolean }>().strict })));

  program
    .command('init')
    .description('scaffold a workspace: modelshift.yaml, one provider, one agent')
    .action(run(async (ctx) => (await import('./commands/init.js')).initCommand(ctx)));

  withMigration(program
    .command('plan')
    .description('show what a migration would change: agents, field changes, warnings, unified diff (writes nothing)'))
    .option('--exit-code', 'exit 1 when the plan would change something')
    .action(run(async (ctx, command) => (await import('./commands/plan.js')).planCommand(ctx, { migration: command.args[0]!, format: ctx.format, exitCode: command.opts<{ exitCode?: boolean }>().exitCode })));

  withMigration(program
    .command('apply')
    .description('write the plan to the agent files, byte-minimal and all-or-nothing'))
    .action(run(async (ctx, command) => (await import('./commands/apply.js')).applyCommand(ctx, { migration: command.args[0]!, format: ctx.format })));

  withPrOptions(withMigration(program
    .command('pr')
    .description('open or update the migration\'s pull request (branch modelshift/<name>); close it when nothing is left to change'))
  ).action(run(async (ctx, command) => (await import('./commands/pr.js')).prCommand(ctx, prOptions(ctx, command))));

  const evalProgram = program
    .command('eval')
    .description('run eval suites on the old and new config of every affected agent; compare; apply the gate')
    .argument('[migration]', MIGRATION_ARGUMENT)
    .option('--base <ref>', 'instead of a migration: every agent changed between this git ref…')
    .option('--head <ref>', '…and this one (default HEAD)')
    .option('--suite <name>', 'run this suite instead of the migration\'s')
    .option('--concurrency <n>', 'calls in flight per provider', (v) => positiveInt('--concurrency', v))
    .option('--offline', 'answer only from the cache; fail on a miss')
    .option('--output <path>', 'also write the report to a file, format by its ending (.html .junit.xml .jsonl .csv .json .md); repeatable', collect, [])
    .option('--shard <K/N>', 'run the K-th of N parts and write it to --output PART.json; `eval merge` makes the report')
    .option('--batch', "send the calls through the providers' batch APIs (half price, resumable; can take up to 24 h)")
    .action(run(async (ctx, command) => {
      const o = command.opts<{ base?: string; head?: string; suite?: string; concurrency?: number; offline?: boolean; output: string[]; shard?: string; batch?: boolean }>();
      const migration = command.args[0];
      const interruptible = { ...ctx, signal: io.interruptible?.() ?? ctx.signal };
      if (o.base !== undefined) {
        if (migration !== undefined || o.suite !== undefined) throw new UsageError('give a migration or --base/--head, not both', 'modelshift eval gpt-4.1-to-gpt-5.1, or modelshift eval --base origin/main --head HEAD');
        if (o.output.length || o.shard) throw new UsageError('--output and --shard work with a migration, not yet with --base/--head', 'modelshift eval <migration> --output results.junit.xml');
        return (await import('./commands/eval-refs.js')).evalRefsCommand(interruptible, { base: o.base, head: o.head ?? 'HEAD', format: ctx.format, concurrency: o.concurrency, offline: o.offline, batch: o.batch });
      }
      if (migration === undefined) throw await missingMigration(ctx, 'eval', 'compare two refs: modelshift eval --base REF [--head REF]');
      const shard = o.shard === undefined ? {} : { shard: (await import('./commands/eval-merge.js')).parseShard(o.shard) };
      const options = { migration, format: ctx.format, suite: o.suite, concurrency: o.concurrency, offline: o.offline, outputs: o.output, batch: o.batch, ...shard };
      return (await import('./commands/eval.js')).evalCommand(interruptible, options);
    }));

  evalProgram
    .command('merge')
    .description('merge the part files of `eval --shard K/N` into one report, paired statistics and gate')
    .argument('<parts...>', 'the part files, e.g. part-*.json; --output as for eval')
    .action(run(async (ctx, command) => {
      // `eval`'s own --output takes the flag wherever it stands, so read it with the parent's options.
      const o = command.optsWithGlobals<{ output: string[] }>();
      return (await import('./commands/eval-merge.js')).evalMergeCommand(ctx, { parts: command.args, format: ctx.format, outputs: o.output });
    }));

  program
    .command('history')
    .description('the audit log: every change of an agent\'s model on the current branch, with date, author, migration and PR')
    .option('--agent <name>', 'the timeline of one agent, creation and deletion included')
    .option('--since <date>', 'only changes at or after this date (YYYY-MM-DD or ISO 8601)')
    .option('--at <date>', 'every agent\'s model at that moment')
    .option('--ref <ref>', 'read this branch or commit instead of the current branch')
    .action(run(async (ctx, command) => (await import('./commands/history.js')).historyCommand(ctx, { format: ctx.format, ...command.opts<{ agent?: string; since?: string; at?: string; ref?: string }>() })));

  program
    .command('sync')
    .description('push the merged state to the runtime targets of modelshift.yaml (spec.sync.targets)')
    .option('--target <name>', 'only this target')
    .option('--dry-run', 'show the diff against what each target holds; write nothing')
    .option('--exit-code', 'exit 1 when a target differs from git (drift)')
    .option('--prune', 'remove agents a target holds that git no longer has')
    .option('--allow-empty', 'sync even when the workspace has no agents')
    .action(run(async (ctx, command) => {
      const o = command.opts<{ target?: string; dryRun?: boolean; exitCode?: boolean; prune?: boolean; allowEmpty?: boolean }>();
      return (await import('./commands/sync.js')).syncCommand(ctx, { format: ctx.format, ...o });
    }));

  withPrOptions(withMigration(program
    .command('promote')
    .description('open a PR moving the migration\'s canary to its next rollout step, once the canary analysis passes; the last step is the cut-over'))
    .option('--allow-retired', 'open the PR even when the candidate is retired or not enabled on its provider')
    .option('--skip-analysis', 'promote without the canary analysis (the PR says so)')
  ).action(run(async (ctx, command) => (await import('./commands/promote.js')).promoteCommand(ctx, { ...prOptions(ctx, command), ...allowRetired(command), skipAnalysis: command.opts<{ skipAnalysis?: boolean }>().skipAnalysis })));

  withPrOptions(withMigration(program
    .command('rollback')
    .description('open a PR putting every agent the migration changed, and that still has what it set, back to its model and params from before'))
    .option('--allow-retired', 'open the PR even when a model an agent goes back to is retired or not enabled on its provider')
  ).action(run(async (ctx, command) => (await import('./commands/rollback.js')).rollbackCommand(ctx, { ...prOptions(ctx, command), ...allowRetired(command) })));

  withPrOptions(program
    .command('watch')
    .description('open a migration PR for every model in use that retires within the horizon and no migration covers')
    .option('--horizon <days>', 'retirements within this many days (default: spec.watch.horizonDays, else 90)', horizonDays)
    .option('--dry-run', 'print the rules and pull requests it would open; write nothing')
    .option('--dashboard', 'keep the "modelshift dashboard" issue up to date')
    .option('--references', 'also count references to each model in code and other tools\' configs (modelshift scan)')
  ).action(run(async (ctx, command) => {
    const o = command.opts<{ horizon?: number; dryRun?: boolean; dashboard?: boolean; references?: boolean }>();
    const { base, force, identity } = prOptions(ctx, command);
    return (await import('./commands/watch.js')).watchCommand(ctx, { format: ctx.format, horizonDays: o.horizon, dryRun: o.dryRun, dashboard: o.dashboard, references: o.references, base, force, identity });
  }));

  program
    .command('catalog')
    .description('what modelshift believes about each model, and where each fact came from')
    .addArgument(new Argument('<action>', 'list every model, show one, or diff the sources against the built-in catalog').choices(['list', 'show', 'diff']))
    .argument('[model]', 'for show: a model id or alias')
    .action(run(async (ctx, command) => (await import('./commands/catalog.js')).catalogCommand(ctx, { action: command.args[0] as 'list', model: command.args[1], format: ctx.format })));
  withMigration(program
    .command('repair')
    .description('ask a model for instruction edits that fix the migration\'s regressions; keep one only if held-out cases confirm it'))
    .option('--attempts <n>', 'proposals to try (default: spec.eval.repair.attempts, else 3)', (v) => positiveInt('--attempts', v))
    .option('--budget <usd>', 'the most to spend, proposer and evals (default: spec.eval.repair.budgetUsd, else 2)', (v) => positiveNumber('--budget', v))
    .option('--write', 'put the accepted edit into the migration\'s spec.instructions')
    .option('--concurrency <n>', 'calls in flight per provider', (v) => positiveInt('--concurrency', v))
    .option('--offline', 'answer every call, the proposer\'s too, only from the cache; fail on a miss')
    .action(run(async (ctx, command) => {
      const o = command.opts<{ attempts?: number; budget?: number; write?: boolean; concurrency?: number; offline?: boolean }>();
      const interruptible = { ...ctx, signal: io.interruptible?.() ?? ctx.signal };
      return (await import('./commands/repair.js')).repairCommand(interruptible, { migration: command.args[0]!, format: ctx.format, attempts: o.attempts, budgetUsd: o.budget, write: o.write, concurrency: o.concurrency, offline: o.offline });
    }));

  withMigration(program
    .command('analyze')
    .description('canary against control from production telemetry (spec.telemetry): per metric change, significance, verdict'))
    .option('--end <time>', 'end of the analysis window, ISO 8601 (default: now)', (v) => isoTime('--end', v))
    .action(run(async (ctx, command) => (await import('./commands/analyze.js')).analyzeCommand(ctx, { migration: command.args[0]!, format: ctx.format, end: command.opts<{ end?: Date }>().end })));

  program
    .command('scan')
    .description('list every reference to an LLM model id in the repository (code, env, config, other tools\' files) with the catalog verdict; --format sarif for code scanning')
    .argument('[paths...]', 'files or folders to scan (default: the whole folder)')
    .option('--exit-code', 'exit 1 when a retired or retiring model is referenced')
    .addOption(new Option('--fail-on <verdict>', 'exit 1 from this verdict up').choices(['retired', 'retiring', 'unknown']))
    .action(run(async (ctx, command) => {
      const o = command.opts<{ exitCode?: boolean; failOn?: 'retired' | 'retiring' | 'unknown' }>();
      const format = command.optsWithGlobals<GlobalOptions>().format;
      return (await import('./commands/scan.js')).scanCommand(ctx, { paths: command.args, format, ...o });
    }));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * Every byte the CLI prints goes through one filter: no stretch of a secret
 * from the environment (12+ characters), no key-shaped string, no bidi
 * override, whatever command, format or error produced it.
 */
function redacted(io: Io): Io {
  const redact = redactor(secretsFromEnv(io.env));
  return { ...io, stdout: (text) => io.stdout(stripBidi(redact(text))), stderr: (text) => io.stderr(stripBidi(redact(text))) };
}

/** Maps the typed errors to exit codes; a user never sees a stack trace for their own mistake. */
export function reportError(error: unknown, io: Pick<Io, 'stderr' | 'env'>): ExitCode {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.failed;
  }
  if (error instanceof UsageError) {
    io.stderr(`error: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    return EXIT.failed;
  }
  if (error instanceof FileError) {
    const { file, line, column } = error.position;
    io.stderr(`${file}:${line}:${column}: error: ${error.message} [${error.rule}]\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    return EXIT.findings;
  }
  if (error instanceof ExternalError) {
    const status = error.details.status ? ` (HTTP ${error.details.status})` : '';
    io.stderr(`error: ${error.message}${status}\n${error.details.hint ? `hint: ${error.details.hint}\n` : ''}`);
    return EXIT.failed;
  }
  const detail = error instanceof Error ? (io.env.MODELSHIFT_DEBUG ? error.stack : error.message) : String(error);
  io.stderr(`internal error: ${detail}\nThis is a bug in modelshift; please report it at ${BUG_URL} with the command you ran.\n`);
  return EXIT.failed;
}

/** What a command run without its migration says: the workspace's migrations (loaded for it) and how to name one. */
async function missingMigration(ctx: CommandContext, command: string, alternative?: string): Promise<UsageError> {
  return (await import('./commands/migration-arg.js')).missingMigration(ctx, command, alternative);
}

/** The options every command that opens a pull request takes. */
function withPrOptions(command: Command): Command {
  return command
    .option('--base <branch>', 'branch the pull request targets', 'main')
    .option('--force', 'take the branch back even if a person pushed commits to it, and reopen a declined change')
    .option('--keep-branch', 'keep the branch of a pull request that is merged, declined or closed (default: delete it)')
    .option('--author <identity>', 'commit author as "Name <email>" (default: modelshift[bot])');
}

function prOptions(ctx: { format: Format }, command: Command) {
  const o = command.opts<{ base: string; force?: boolean; keepBranch?: boolean; author?: string }>();
  return { migration: command.args[0]!, format: ctx.format, base: o.base, force: o.force, keepBranch: o.keepBranch, identity: o.author ? parseIdentity(o.author) : undefined };
}

function allowRetired(command: Command): { allowRetired?: boolean } {
  return command.opts<{ allowRetired?: boolean }>().allowRetired ? { allowRetired: true } : {};
}

/** A repeatable option: each occurrence adds one value. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number of 1 or more, not "${value}"`);
  return n;
}

/** `--horizon`: whole days within the range spec.watch.horizonDays accepts, so the flag and the file agree. */
function horizonDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3650) {
    throw new UsageError(`--horizon must be a whole number of days from 1 to 3650, not "${value}"`, 'e.g. --horizon 90 (retirements within 90 days); leave it out to use spec.watch.horizonDays, else 90');
  }
  return n;
}

function positiveNumber(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a number above 0, not "${value}"`);
  return n;
}

function isoTime(flag: string, value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new UsageError(`${flag} must be a time in ISO 8601, not "${value}"`, 'e.g. --end 2026-12-01T12:00:00Z');
  return date;
}

function parseIdentity(text: string): { name: string; email: string } {
  const match = /^(.+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(text.trim());
  if (!match) throw new UsageError(`--author "${text}" is not "Name <email>"`, 'e.g. --author "Release Bot <bot@example.com>"');
  return { name: match[1]!, email: match[2]! };
}

/**
 * The one signal Ctrl-C aborts: stops the work cleanly (evals report what
 * finished); a second Ctrl-C exits at once. Every in-flight request listens
 * to it (the SDKs add a listener per call), so it has no listener limit: a
 * `--concurrency 32` eval must not print MaxListenersExceededWarning.
 */
export function interruptSignal(): AbortSignal {
  const interrupt = new AbortController();
  setMaxListeners(0, interrupt.signal);
  process.once('SIGINT', () => {
    interrupt.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  return interrupt.signal;
}

/** `modelshift plan … | head -1`: the reader left, which is not an error; anything else on the streams still is. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

function processIo(): Io {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  let interrupt: AbortSignal | undefined;
  return {
    interruptible: () => (interrupt ??= interruptSignal()),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
    env: process.env,
    cwd: process.cwd(),
    now: new Date(),
  };
}
