// bench/growth: `validate` and `plan` at 10k, 50k and 100k agents (a fifth on
// the migration's source model): wall time, time against linear growth from
// the smallest size (target within 1.2×), and peak RSS (target < 2 GB at 100k).
// Peak RSS is read with GNU time (`/usr/bin/time -f %M`), which counts the
// worker threads too. Run after `npm run build`: node bench/growth.js [sizes…]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.js';

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [10_000, 50_000, 100_000];
const cli = fileURLToPath(new URL('../bin/modelshift.js', import.meta.url));
if (!existsSync('/usr/bin/time')) throw new Error('GNU time (/usr/bin/time) is needed for peak RSS: apt-get install time');

function measure(dir, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, ...args, '-C', dir, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const [seconds, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { ms: seconds * 1000, rssMb: kb / 1024 };
}

const rows = [];
for (const agents of sizes) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'modelshift-bench-growth-'));
  await generateWorkspace(root, { agents, sourceEvery: 5 });
  const load = os.loadavg()[0];
  rows.push({ agents, load, validate: measure(root, ['validate']), plan: measure(root, ['plan', 'gpt-4.1-to-gpt-5.1']) });
  const r = rows.at(-1);
  console.error(`measured ${agents}: validate ${r.validate.ms.toFixed(0)} ms ${r.validate.rssMb.toFixed(0)} MB, plan ${r.plan.ms.toFixed(0)} ms ${r.plan.rssMb.toFixed(0)} MB (load ${load.toFixed(1)})`);
  await rm(root, { recursive: true, force: true });
}

const base = rows[0];
console.log(`${os.availableParallelism()} cores; one run per size (load average shown: the machine may be shared)`);
console.log('agents   load | validate ms  ×linear  RSS MB | plan ms  ×linear  RSS MB');
for (const r of rows) {
  const linear = (cmd) => (r[cmd].ms / (base[cmd].ms * (r.agents / base.agents))).toFixed(2);
  console.log(
    `${String(r.agents).padStart(6)} ${r.load.toFixed(1).padStart(6)} | ${r.validate.ms.toFixed(0).padStart(11)} ${linear('validate').padStart(8)} ${r.validate.rssMb.toFixed(0).padStart(7)} | ${r.plan.ms.toFixed(0).padStart(7)} ${linear('plan').padStart(8)} ${r.plan.rssMb.toFixed(0).padStart(7)}`,
  );
}
console.log('targets: ×linear <= 1.2 (time per agent at most 1.2× that at the smallest size), RSS < 2048 MB at 100k');
