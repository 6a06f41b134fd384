// Benchmark of `modelshift scan --format json` on a generated git repository of
// N files in mixed languages, about 2 % of them with a model reference, against
// `git grep -n -E` with the same id-shape regex in the same repository. Both run
// as separate processes, alternating, so startup and a loaded machine count on
// both sides.
//
//   npm run build && node bench/scan.js [files=50000] [runs=5]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = Number(process.argv[2] ?? 50_000);
const runs = Number(process.argv[3] ?? 5);
if (!Number.isInteger(files) || files < 50 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/scan.js [files] [runs]');
  process.exit(2);
}
if (!existsSync(path.join(repo, 'dist/src/scan/files.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
const { prefilterPattern } = await import(path.join(repo, 'dist/src/scan/files.js'));
const PATTERN = prefilterPattern([]);

// Ordinary code of each kind (no model ids), and the same kind with one reference.
const KINDS = [
  { ext: 'py', plain: (i) => `import os\n\n\ndef handler_${i}(event):\n    total = sum(x["amount"] for x in event["items"])\n    return {"status": 200, "total": total, "region": os.environ.get("REGION", "eu-west-1")}\n`, ref: (i) => `from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef ask_${i}(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])\n` },
  { ext: 'ts', plain: (i) => `export interface Order${i} { id: string; total: number }\n\nexport function total${i}(orders: Order${i}[]): number {\n  return orders.reduce((sum, o) => sum + o.total, 0);\n}\n`, ref: (i) => `import OpenAI from 'openai';\n\nconst client = new OpenAI();\nexport const ask${i} = (q: string) => client.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: q }] });\n` },
  { ext: 'js', plain: (i) => `const express = require('express');\nconst router${i} = express.Router();\nrouter${i}.get('/health', (req, res) => res.json({ ok: true }));\nmodule.exports = router${i};\n`, ref: (i) => `const { anthropic } = require('@ai-sdk/anthropic');\nmodule.exports.model${i} = anthropic('claude-sonnet-4-5');\n` },
  { ext: 'go', plain: (i) => `package svc\n\nimport "fmt"\n\nfunc Handle${i}(n int) string {\n\treturn fmt.Sprintf("handled %d", n)\n}\n`, ref: (i) => `package svc\n\nconst Model${i} = "gpt-4o-mini"\n` },
  { ext: 'java', plain: (i) => `package com.acme;\n\npublic class Service${i} {\n    public int add(int a, int b) { return a + b; }\n}\n`, ref: (i) => `package com.acme;\n\nclass Chat${i} {\n    Object m = OpenAiChatModel.builder().modelName("gpt-4o").build();\n}\n` },
  { ext: 'rb', plain: (i) => `class Job${i}\n  def perform(id)\n    Order.find(id).touch\n  end\nend\n`, ref: (i) => `class Chat${i}\n  MODEL = 'claude-3-5-haiku-latest'\nend\n` },
  { ext: 'md', plain: (i) => `# Runbook ${i}\n\nRestart the worker, then check the queue depth in the dashboard.\n`, ref: (i) => `# Notes ${i}\n\nThe summariser runs on gpt-4.1-mini.\n` },
  { ext: 'yaml', plain: (i) => `name: job-${i}\nschedule: "*/5 * * * *"\nretries: 3\n`, ref: (i) => `name: job-${i}\nmodel: gpt-4o\n` },
  { ext: 'json', plain: (i) => `{ "name": "pkg-${i}", "version": "1.0.${i % 10}", "private": true }\n`, ref: (i) => `{ "name": "cfg-${i}", "model": "gpt-4.1-nano" }\n` },
];

function generate(dir) {
  let planted = 0;
  for (let i = 0; i < files; i++) {
    const kind = KINDS[i % KINDS.length];
    const withRef = i % 50 === 7; // 2 %
    const rel = `pkg${String(i % 200).padStart(3, '0')}/mod${String(Math.floor(i / 200) % 50).padStart(2, '0')}/file${i}.${kind.ext}`;
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), withRef ? kind.ref(i) : kind.plain(i));
    if (withRef) planted++;
  }
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  // No background gc after the big commit: it would race the timed runs and the clean-up.
  git('config', 'gc.auto', '0');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'generated');
  return planted;
}

function timed(command, args, cwd) {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  return { ms, result };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const dir = mkdtempSync(path.join(tmpdir(), 'modelshift-bench-scan-'));
try {
  const genStart = performance.now();
  const planted = generate(dir);
  console.log(`generated ${files} files (${KINDS.length} kinds, ${planted} with a reference) in ${Math.round(performance.now() - genStart)} ms: ${dir}`);

  // The machine may be shared: the load says how much the figures below are worth.
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`load average before: ${load()}`);
  const scanMs = [];
  const grepMs = [];
  for (let run = 0; run < runs; run++) {
    const s = timed(process.execPath, [path.join(repo, 'bin/modelshift.js'), '--format', 'json', 'scan'], dir);
    if (s.result.status !== 0) throw new Error(`scan exited ${s.result.status}: ${s.result.stderr}`);
    const found = JSON.parse(s.result.stdout).summary.references;
    if (found !== planted) throw new Error(`scan found ${found} references; ${planted} were planted`);
    scanMs.push(s.ms);
    const g = timed('git', ['grep', '-n', '-E', PATTERN], dir);
    if (g.result.status !== 0) throw new Error(`git grep exited ${g.result.status}: ${g.result.stderr}`);
    grepMs.push(g.ms);
  }
  const line = (label, ms) => `${label}: best ${Math.round(Math.min(...ms))} ms, median ${Math.round(median(ms))} ms  [runs: ${ms.map(Math.round).join(', ')}]`;
  console.log(`regex: ${PATTERN}`);
  console.log(line('scan      (modelshift --format json scan)', scanMs));
  console.log(line('git grep  (git grep -n -E <regex>)      ', grepMs));
  const ratio = (pick) => (pick(scanMs) / pick(grepMs)).toFixed(2);
  console.log(`load average after: ${load()}`);
  console.log(`ratio scan/git-grep: best ${ratio((ms) => Math.min(...ms))}, median ${ratio(median)} (target <= 1.50)`);
} finally {
  if (process.env.KEEP) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}
