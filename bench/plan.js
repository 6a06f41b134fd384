// bench/plan: `modelshift plan` and `apply` on 10,000 agents (2,000 on the source
// model) against grep + sed doing the bare text substitution on a copy of the
// same tree, in the same run; each measured on 3 fresh copies, medians printed.
// Run after `npm run build`: node bench/plan.js [agents]
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.js';

const agents = Number(process.argv[2] ?? 10_000);
const ROUNDS = 3;
const cli = fileURLToPath(new URL('../bin/modelshift.js', import.meta.url));
const root = await mkdtemp(path.join(os.tmpdir(), 'modelshift-bench-plan-'));
const tree = path.join(root, 'ws');
await generateWorkspace(tree, { agents, sourceEvery: 5 });

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const modelshift = (dir, ...args) => spawnSync(process.execPath, [cli, ...args, '-C', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });

const runs = { plan: [], apply: [], sed: [] };
let migrated = 0;
for (let round = 0; round < ROUNDS; round++) {
  const ours = path.join(root, `ours-${round}`);
  const theirs = path.join(root, `sed-${round}`);
  await cp(tree, ours, { recursive: true });
  await cp(tree, theirs, { recursive: true });
  runs.plan.push(time(() => modelshift(ours, 'plan', 'gpt-4.1-to-gpt-5.1')).ms);
  const apply = time(() => modelshift(ours, 'apply', 'gpt-4.1-to-gpt-5.1'));
  runs.apply.push(apply.ms);
  migrated = JSON.parse(apply.result.stdout).summary.migrate;
  runs.sed.push(time(() => execFileSync('sh', ['-c', "grep -rl 'name: gpt-4.1 ' agents | xargs sed -i 's/name: gpt-4.1 /name: gpt-5.1 /'"], { cwd: theirs })).ms);
}

console.log(`workspace: ${agents} agents, ${agents / 5} on gpt-4.1 (${migrated} migrated by apply)`);
for (const [label, xs] of Object.entries(runs)) console.log(`${label.padEnd(6)} median ${median(xs).toFixed(0).padStart(6)} ms  [runs: ${xs.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`ratio apply / sed: ${(median(runs.apply) / median(runs.sed)).toFixed(2)} (target <= 3.0)`);
console.log(`ratio plan  / sed: ${(median(runs.plan) / median(runs.sed)).toFixed(2)}`);
await rm(root, { recursive: true, force: true });
