// The offline tour of modelshift on examples/: nothing here needs an API key or the network.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = fileURLToPath(new URL('../examples', import.meta.url));

const steps = [
  ['validate', 'Check every file: schema, references, model catalog, secrets'],
  ['plan', 'Plan the OpenAI-internal migration (renamed and refused parameters)', 'gpt-4.1-to-gpt-5.1'],
  ['eval', 'Eval old vs new model from the recorded demo answers (hand-written, see README)', 'gpt-4.1-to-gpt-5.1', '--offline'],
  ['plan', 'Plan the cross-provider canary (OpenAI → Anthropic)', 'gpt-4o-to-claude-sonnet-5-5'],
  ['eval', 'Eval the canary candidate', 'gpt-4o-to-claude-sonnet-5-5', '--offline'],
  ['catalog', 'What modelshift believes about gpt-4.1, and where each fact came from', 'show', 'gpt-4.1'],
  ['watch', 'Dependabot for models: the migration watch would open (rewriting code too, leaving excluded agents out) and the dashboard it would keep', '--dry-run', '--references', '--dashboard'],
  ['scan', 'Inventory every model id, in the sample app (examples/app/) as well as the agents'],
];

// Sharded eval: two parts, then one merged report (with a JUnit file for CI), in a temporary folder.
const parts = mkdtempSync(join(tmpdir(), 'modelshift-demo-'));
steps.push(
  ['eval', 'Eval in two shards (e.g. an Actions matrix): shard 1 of 2', 'gpt-4.1-to-gpt-5.1', '--offline', '--shard', '1/2', '--output', join(parts, 'part-1.json')],
  ['eval', '…shard 2 of 2', 'gpt-4.1-to-gpt-5.1', '--offline', '--shard', '2/2', '--output', join(parts, 'part-2.json')],
  ['eval', 'Merge the shards: the same report and gate as one run, plus JUnit XML', 'merge', join(parts, 'part-1.json'), join(parts, 'part-2.json'), '--output', join(parts, 'results.junit.xml')],
);

for (const [command, title, ...args] of steps) {
  process.stdout.write(`\n\u001b[1m━━ ${title}\u001b[22m\n$ modelshift ${[command, ...args].join(' ')} -C examples\n\n`);
  const result = spawnSync(process.execPath, ['bin/modelshift.js', command, ...args, '-C', examples], { cwd: root, stdio: 'inherit' });
  if (result.status === 2) process.exit(2);
}

// The audit log after GitHub's default squash merge: a throwaway repository with examples/ in it, two
// migrations applied and committed with nothing but a squash title (`<PR title> (#N)`, empty body).
{
  const { cpSync, mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const repo = mkdtempSync(join(tmpdir(), 'modelshift-demo-'));
  const git = (...args) => spawnSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', ...args], { cwd: repo, stdio: 'ignore' });
  const modelshift = (...args) => spawnSync(process.execPath, [join(root, 'bin/modelshift.js'), ...args], { cwd: repo, stdio: ['ignore', 'inherit', 'ignore'] });
  try {
    cpSync(examples, repo, { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Add the agents');
    for (const [migration, title] of [
      ['gpt-4o-to-claude-sonnet-5-5', 'Migrate agents openai/gpt-4o* → anthropic/claude-sonnet-5-5 (gpt-4o-to-claude-sonnet-5-5) (#1)'],
      ['gpt-4.1-to-gpt-5.1', 'Migrate agents openai/gpt-4.1 → openai/gpt-5.1 (gpt-4.1-to-gpt-5.1) (#2)'],
    ]) {
      spawnSync(process.execPath, [join(root, 'bin/modelshift.js'), 'apply', migration], { cwd: repo, stdio: 'ignore' });
      git('add', '-A');
      git('commit', '-q', '-m', title);
    }
    process.stdout.write('\n\u001b[1m━━ The audit log after two squash merges with GitHub\'s default message: migrations from the titles, the canary as rollout-start\u001b[22m\n$ modelshift history\n\n');
    modelshift('history');
    process.stdout.write('\n\u001b[1m━━ Every agent\'s model now, with the canary\'s candidate and weight\u001b[22m\n$ modelshift history --at 2100-01-01\n\n');
    modelshift('history', '--at', '2100-01-01');
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

// Canary analysis: the same sales agents in the canary, read from a shipped OpenTelemetry Collector file
// (examples-canary/telemetry/genai.jsonl, written by scripts/demo-telemetry.js). The window ends when the
// file does; one agent's candidate errs five times as often, so analyze fails (exit 1) and says why.
const canary = fileURLToPath(new URL('../examples-canary', import.meta.url));
const canarySteps = [
  ['analyze', 'Analyze the canary from production telemetry (OTLP file)', 'gpt-4o-to-claude-sonnet-5-5', '--end', '2026-12-01T12:00:00Z'],
  ['sync', 'Write the canary as OpenFeature flagd flags (dry run)', '--dry-run'],
];
// Prompt repair: gpt-5.1 drops the order number the cases check for; the proposer's edit is kept only
// because the held-out cases confirm it. Proposer and model answers are the recorded, hand-written ones.
const repairSteps = [
  ['repair', 'Repair the prompt for the new model, proven on held-out cases (recorded answers)', 'order-desk-to-gpt-5.1', '--offline'],
];
const repairDir = fileURLToPath(new URL('../examples-repair', import.meta.url));
for (const [dir, steps] of [[canary, canarySteps], [repairDir, repairSteps]]) {
  for (const [command, title, ...args] of steps) {
    process.stdout.write(`\n\u001b[1m━━ ${title}\u001b[22m\n$ modelshift ${[command, ...args].join(' ')} -C ${dir.slice(root.length)}\n\n`);
    const result = spawnSync(process.execPath, ['bin/modelshift.js', command, ...args, '-C', dir], { cwd: root, stdio: 'inherit' });
    if (result.status === 2) process.exit(2);
  }
}

// The HTML report of the first eval: one self-contained page, written to the temp folder (never into examples/).
{
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const file = join(tmpdir(), 'modelshift-demo-report.html');
  process.stdout.write(`\n\u001b[1m━━ The eval as one self-contained HTML page (charts, side-by-side diffs, filters)\u001b[22m\n$ modelshift eval gpt-4.1-to-gpt-5.1 --offline --output ${file} -C examples\n\n`);
  const run = spawnSync(process.execPath, ['bin/modelshift.js', 'eval', 'gpt-4.1-to-gpt-5.1', '--offline', '--output', file, '-C', examples], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status === 2) process.exit(2);
  process.stdout.write(`wrote ${file}: open it in a browser\n`);
}

// What validate catches before it bites: a scratch workspace with a typo, two rules on the same agents,
// a key pasted into instructions, a URL with a password and a path leaving the workspace. No finding repeats the key.
{
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(tmpdir(), 'modelshift-demo-'));
  const key = ['sk', 'proj', 'DEMOonlyNotARealKey0123456789abcd'].join('-');
  const files = {
    'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: demo }\nspec:\n  sync:\n    targets:\n      - { name: bundle, type: file, path: ../outside/agents.json }\n      - { name: runtime, type: http, url: "https://deploy:hunter2hunter2@rt.internal/config" }\n',
    'providers/openai.yaml': 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, apiKeyEnv: OPENAI_API_KEY }\n',
    'agents/triage.yaml': `apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: triage }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { temprature: 0.2, max_tokens: 400 } }\n  instructions: |\n    Sort tickets.\n    Use ${key} for lookups.\n`,
    'migrations/a.yaml': 'apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: to-5-1 }\nspec:\n  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.1 }\n',
    'migrations/b.yaml': 'apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: to-6-luna }\nspec:\n  from: { provider: openai, model: "gpt-4*" }\n  to: { provider: openai, model: gpt-6-luna }\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  process.stdout.write('\n\u001b[1m━━ What validate catches before it bites (a scratch workspace; the key is never repeated)\u001b[22m\n$ modelshift validate -C <scratch>\n\n');
  const result = spawnSync(process.execPath, ['bin/modelshift.js', 'validate', '-C', dir], { cwd: root, encoding: 'utf8' });
  process.stdout.write(result.stdout.split(dir).join('<scratch>'));
  rmSync(dir, { recursive: true, force: true });
  if (result.stdout.includes(key.slice(8, 20)) || result.status !== 1) process.exit(2);
}
