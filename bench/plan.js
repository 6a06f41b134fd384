// bench/plan: `modelshift plan` and `apply` on 10,000 agents (2,000 on the source
// model) against the floor for a verified rewrite (bench/plan-floor.js) and
// grep + sed doing the bare text substitution, each on fresh copies of the
// same tree, interleaved in the same run; medians printed. Checks that apply's
// output equals the floor's byte for byte and, with MAIN_CLI set to another
// build's bin/modelshift.js, equals that build's too (and times it).
// Run after `npm run build`: node bench/plan.js [agents] [rounds]
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.js';

const agents = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const cli = fileURLToPath(new URL('../bin/modelshift.js', import.meta.url));
const floorScript = fileURLToPath(new URL('./plan-floor.js', import.meta.url));
const mainCli = process.env.MAIN_CLI;
const root = await mkdtemp(path.join(os.tmpdir(), 'modelshift-bench-plan-'));
const tree = path.join(root, 'ws');
await generateWorkspace(tree, { agents, sourceEvery: 5 });

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const run = (bin, dir, ...args) => {
  const r = spawnSync(process.execPath, [bin, ...args, '-C', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
};
const floor = (dir, ...flags) => execFileSync(process.execPath, [floorScript, dir, ...flags], { encoding: 'utf8' });

async function readTree(dir) {
  const out = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return out;
}
function sameTree(a, b) {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

const runs = { plan: [], apply: [], 'floor --dry-run': [], floor: [], 'grep+sed': [], ...(mainCli ? { 'main plan': [], 'main apply': [] } : {}) };
const loads = [];
let migrated = 0;
let identical = { floor: true, main: mainCli ? true : undefined };
for (let round = 0; round < ROUNDS; round++) {
  loads.push(os.loadavg()[0]);
  const copy = async (name) => {
    const dir = path.join(root, `${name}-${round}`);
    await cp(tree, dir, { recursive: true });
    return dir;
  };
  const [ours, floorDir, sedDir, mainDir] = [await copy('ours'), await copy('floor'), await copy('sed'), mainCli ? await copy('main') : undefined];
  // The copies' own writes are flushed first: the kernel's writeback of 30-40k fresh files would
  // otherwise throttle whichever command writes next (apply runs right after plan), not the others.
  execFileSync('sync');
  runs.plan.push(time(() => run(cli, ours, 'plan', 'gpt-4.1-to-gpt-5.1')).ms);
  const apply = time(() => run(cli, ours, 'apply', 'gpt-4.1-to-gpt-5.1'));
  runs.apply.push(apply.ms);
  migrated = JSON.parse(apply.result.stdout).summary.migrate;
  runs['floor --dry-run'].push(time(() => floor(floorDir, '--dry-run')).ms);
  runs.floor.push(time(() => floor(floorDir)).ms);
  runs['grep+sed'].push(time(() => execFileSync('sh', ['-c', "grep -rl 'name: gpt-4.1 ' agents | xargs sed -i 's/name: gpt-4.1 /name: gpt-5.1 /'"], { cwd: sedDir })).ms);
  if (mainDir) {
    runs['main plan'].push(time(() => run(mainCli, mainDir, 'plan', 'gpt-4.1-to-gpt-5.1')).ms);
    runs['main apply'].push(time(() => run(mainCli, mainDir, 'apply', 'gpt-4.1-to-gpt-5.1')).ms);
  }
  if (round === 0) {
    const after = await readTree(ours);
    identical.floor = sameTree(after, await readTree(floorDir));
    if (mainDir) identical.main = sameTree(after, await readTree(mainDir));
  }
  await Promise.all([ours, floorDir, sedDir, mainDir].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
}

console.log(`workspace: ${agents} agents, ${agents / 5} on gpt-4.1 (${migrated} migrated by apply); ${ROUNDS} rounds, interleaved`);
console.log(`load average (1 min) at each round: ${loads.map((l) => l.toFixed(1)).join(', ')} on ${os.availableParallelism()} cores`);
for (const [label, xs] of Object.entries(runs)) console.log(`${label.padEnd(16)} median ${median(xs).toFixed(0).padStart(6)} ms  [runs: ${xs.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`apply output equals the floor's byte for byte: ${identical.floor}${mainCli ? `; equals MAIN_CLI's: ${identical.main}` : ''}`);
console.log(`ratio plan  / floor: ${(median(runs.plan) / median(runs.floor)).toFixed(2)} (target <= 1.0)`);
console.log(`ratio apply / floor: ${(median(runs.apply) / median(runs.floor)).toFixed(2)} (target <= 1.3)`);
console.log(`ratio (plan + apply) / grep+sed: ${((median(runs.plan) + median(runs.apply)) / median(runs['grep+sed'])).toFixed(1)} (for reference; sed does far less)`);
if (mainCli) console.log(`ratio plan / main plan: ${(median(runs.plan) / median(runs['main plan'])).toFixed(2)}, apply / main apply: ${(median(runs.apply) / median(runs['main apply'])).toFixed(2)}`);
await rm(root, { recursive: true, force: true });
if (!identical.floor || identical.main === false) process.exitCode = 1;
