// bench/plan: `modelshift plan` and `apply` on 10,000 agents (2,000 on the source
// model) against grep + sed doing the bare text substitution on a copy of the
// same tree, in the same run. Run after `npm run build`: node bench/plan.js [agents]
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.js';

const agents = Number(process.argv[2] ?? 10_000);
const cli = fileURLToPath(new URL('../bin/modelshift.js', import.meta.url));
const root = await mkdtemp(path.join(os.tmpdir(), 'modelshift-bench-plan-'));
const tree = path.join(root, 'ws');
const copy = path.join(root, 'sed');
await generateWorkspace(tree, { agents, sourceEvery: 5 });
await cp(tree, copy, { recursive: true });

function time(label, fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms`);
  return { ms, result };
}

const modelshift = (...args) => spawnSync(process.execPath, [cli, ...args, '-C', tree, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
console.log(`workspace: ${agents} agents, ${agents / 5} on gpt-4.1`);
const plan = time('modelshift plan', () => modelshift('plan', 'gpt-4.1-to-gpt-5.1'));
const apply = time('modelshift apply', () => modelshift('apply', 'gpt-4.1-to-gpt-5.1'));
const sed = time("grep -rl | xargs sed -i (baseline)", () =>
  execFileSync('sh', ['-c', "grep -rl 'name: gpt-4.1 ' agents | xargs sed -i 's/name: gpt-4.1 /name: gpt-5.1 /'"], { cwd: copy }),
);
const migrated = JSON.parse(apply.result.stdout).summary.migrate;
console.log(`agents migrated by apply: ${migrated} (exit ${apply.result.status}); plan exit ${plan.result.status}`);
console.log(`ratio apply / sed: ${(apply.ms / sed.ms).toFixed(2)} (target <= 3.0)`);
console.log(`ratio plan  / sed: ${(plan.ms / sed.ms).toFixed(2)}`);
await rm(root, { recursive: true, force: true });
