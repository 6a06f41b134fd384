import { access } from 'node:fs/promises';
import path from 'node:path';
import { FileError, UsageError } from '../errors.js';
import type { Migration } from '../schema/index.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace/load.js';
import type { Loaded } from '../workspace/types.js';
import type { CommandContext } from './context.js';
import { today } from './validate.js';

/**
 * `<migration>` is a path to its file or its `metadata.name`. A rule whose
 * own file has errors (a provider or suite it names does not exist, a name
 * used twice) is a finding, named either way: planning it would mislead.
 */
export async function resolveMigration(workspace: LoadedWorkspace, arg: string, cwd: string): Promise<Loaded<Migration>> {
  const byName = workspace.migrations.get(arg);
  if (byName) return refuseInvalid(workspace, byName);
  const absolute = path.resolve(cwd, arg);
  const relative = path.relative(workspace.root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(`${arg} is outside the workspace root ${workspace.root}`, 'pass a migration of this workspace (its name or its file), or pick another workspace with -C DIR');
  }
  const exists = await access(absolute).then(() => true, () => false);
  if (exists) {
    const rel = path.relative(workspace.root, absolute).split(path.sep).join('/');
    const inFile = [...workspace.migrations.values()].filter((m) => m.file === rel);
    if (inFile.length === 1) return refuseInvalid(workspace, inFile[0]!);
    if (inFile.length > 1) throw new UsageError(`${rel} holds ${inFile.length} migrations`, `name one: ${inFile.map((m) => m.value.metadata.name).join(', ')}`);
    const problem = workspace.findings.find((f) => f.file === rel && f.severity === 'error');
    if (problem) {
      throw new FileError(`the migration file is invalid: ${problem.message}`, problem, problem.rule, 'run modelshift validate to see every problem');
    }
    throw new UsageError(`${rel} is not a Migration`, 'pass a file with kind: Migration, or a migration name');
  }
  // A rule that failed its schema is not among the migrations, but its file still says its name.
  const named = new RegExp(`\\bname:\\s*["']?${arg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[,}\\n]`);
  for (const source of workspace.files.values()) {
    if (!source.invalid || !/\bkind:\s*Migration\b/.test(source.text) || !named.test(source.text)) continue;
    const problem = workspace.findings.find((f) => f.file === source.file && f.severity === 'error');
    if (problem) throw new FileError(`migration ${arg} is invalid: ${problem.message}`, problem, problem.rule, 'run modelshift validate to see every problem');
  }
  const known = [...workspace.migrations.keys()].sort();
  throw new UsageError(`no migration named "${arg}" and no such file`, known.length ? `known migrations: ${known.join(', ')}` : 'create one under migrations/ (see README)');
}

/**
 * The error for a command run without its `<migration>`: which migrations the
 * workspace has, each with its file, and how to name one; with none, how to
 * write one. `alternative` is another way the command can run (eval's refs).
 */
export async function missingMigration(ctx: CommandContext, command: string, alternative?: string): Promise<UsageError> {
  const workspace = await loadWorkspace(ctx.cwd, { today: today(ctx.now) });
  const migrations = [...workspace.migrations.values()].sort((a, b) => a.value.metadata.name.localeCompare(b.value.metadata.name));
  const faulty = (file: string) => workspace.files.get(file)?.invalid === true;
  // A rule that failed its schema is not among them, but it is what the user may be looking for.
  const listed = new Set(migrations.map((m) => m.file));
  const unreadable = [...workspace.files.values()].filter((f) => f.invalid && !listed.has(f.file) && /\bkind:\s*Migration\b/.test(f.text)).map((f) => f.file).sort();
  const or = alternative ? `, or ${alternative}` : '';
  if (!migrations.length) {
    const broken = unreadable.length ? `; ${unreadable.join(', ')} ${unreadable.length === 1 ? 'has' : 'have'} errors (modelshift validate shows them)` : '';
    return new UsageError(
      `${command} needs a migration, and the workspace ${workspace.root} has none${broken}`,
      `write one under migrations/ (kind: Migration with spec.from and spec.to; see "Migration" in the README), or let modelshift watch --dry-run draft one for each model in use that retires soon${or}`,
    );
  }
  const rows = [...migrations.map((m) => [m.value.metadata.name, m.file] as const), ...unreadable.map((file) => ['(invalid)', file] as const)];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = rows.map(([name, file]) => `  ${name.padEnd(width)}  ${file}${faulty(file) ? '  (the file has errors: modelshift validate shows them)' : ''}`);
  const count = migrations.length === 1 ? '1 migration' : `${migrations.length} migrations`;
  const runnable = migrations.find((m) => !faulty(m.file));
  return new UsageError(
    `${command} needs a migration: its name or the path of its file. The workspace has ${count}:\n${lines.join('\n')}`,
    runnable ? `modelshift ${command} ${runnable.value.metadata.name}${or}` : `fix the errors first (modelshift validate shows them)${or}`,
  );
}

function refuseInvalid(workspace: LoadedWorkspace, migration: Loaded<Migration>): Loaded<Migration> {
  const problem = workspace.findings.find((f) => f.file === migration.file && f.severity === 'error');
  if (problem) {
    throw new FileError(`migration ${migration.value.metadata.name} is invalid: ${problem.message}`, problem, problem.rule, 'run modelshift validate to see every problem');
  }
  return migration;
}
