#!/usr/bin/env node
// Benchmark of `modelshift history --format json` on a generated repository:
// 500 agents, 2,000 first-parent commits (a tenth change models; the rest edit
// comments, reformat params or edit instructions; some merge branches, one
// kind of branch reverting its model change before the merge). Prints the
// command's wall time next to `git log -p --first-parent -- agents` on the
// same repository, and checks the events are exactly the model changes made
// on the first-parent line. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const AGENTS = 500;
const COMMITS = 2000;
const MERGE_EVERY = 50;
const RUNS = 5;
const MODELS = [
  ['openai', 'gpt-4.1'],
  ['openai', 'gpt-5.1'],
  ['openai', 'gpt-5.1-mini'],
  ['anthropic', 'claude-sonnet-4.5'],
];
const COMMAND = fileURLToPath(new URL('../dist/src/commands/history.js', import.meta.url));
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** A small deterministic generator, so every run builds the same history. */
function random(seed) {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

function agentFile(agent) {
  const [provider, model] = MODELS[agent.model];
  const params = agent.flow
    ? ['    params: { temperature: 0.2, max_tokens: 800 }']
    : ['    params:', '      temperature: 0.2', '      max_tokens: 800'];
  return [
    '# yaml-language-server: $schema=https://modelshift.dev/schemas/agent.schema.json',
    `# reviewed ${agent.comment} times`,
    'apiVersion: modelshift.dev/v1',
    'kind: Agent',
    'metadata:',
    `  name: ${agent.name}`,
    `  labels: { team: team-${agent.id % 20}, tier: prod }`,
    `  description: Agent number ${agent.id}`,
    'spec:',
    '  model:',
    `    provider: ${provider}`,
    `    name: ${model}`,
    ...params,
    '  instructions: |',
    `    You are agent ${agent.id}, revision ${agent.instructions}.`,
    '    Answer the customer politely and route tickets to the right queue.',
    '  tools:',
    '    - name: lookup_order',
    '      description: Look up an order by id',
    '      parameters: { type: object, properties: { id: { type: string } }, required: [id] }',
    '',
  ].join('\n');
}

/** Builds the fast-import stream and the list of model changes a correct history must report. */
function generate() {
  const pick = random(42);
  const agents = Array.from({ length: AGENTS }, (_, id) => ({
    id,
    name: `agent-${String(id).padStart(3, '0')}`,
    path: `agents/team-${id % 20}/agent-${id}.yaml`,
    model: 0,
    flow: false,
    comment: 0,
    instructions: 0,
  }));
  const out = [];
  const expected = [];
  let mark = 0;
  let time = Date.parse('2025-01-01T00:00:00Z') / 1000;
  let mainTip = 0;
  let firstParent = 0;
  let pr = 0;

  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const commit = (ref, message, author, parents, changed) => {
    mark++;
    time += 600;
    const who = `${author} <${author}@example.com> ${time} +0000`;
    out.push(`commit ${ref}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n${data(message)}`);
    parents.forEach((parent, i) => out.push(`${i === 0 ? 'from' : 'merge'} :${parent}\n`));
    for (const agent of changed) out.push(`M 100644 inline ${agent.path}\n${data(agentFile(agent))}`);
    return mark;
  };
  const onMain = (message, author, changed, merged) => {
    const parents = mainTip === 0 ? [] : [mainTip, ...(merged ? [merged] : [])];
    mainTip = commit('refs/heads/main', message, author, parents, changed);
    firstParent++;
    return mainTip;
  };
  const otherModel = (agent) => (agent.model + 1 + pick(MODELS.length - 1)) % MODELS.length;
  const distinct = (count) => [...new Set(Array.from({ length: count }, () => agents[pick(AGENTS)]))];
  const record = (at, agent, from) => expected.push(`${at} ${agent.name} ${MODELS[from].join('/')} ${MODELS[agent.model].join('/')}`);

  onMain('add agents', 'alice', agents);
  while (firstParent < COMMITS) {
    const n = firstParent;
    if (n % MERGE_EVERY === 0) {
      pr++;
      const branch = `refs/heads/pr-${pr}`;
      if (pr % 2 === 0) {
        // A migration branch: its model changes land with the merge commit.
        const moved = distinct(2 + pick(6)).map((agent) => ({ agent, from: agent.model }));
        for (const m of moved) m.agent.model = otherModel(m.agent);
        const tip = commit(branch, `Migrate agents\n\nModelshift-Migration: mig-${pr}\n`, 'modelshift-bot', [mainTip], moved.map((m) => m.agent));
        const merge = onMain(`Merge pull request #${pr} from acme/modelshift/mig-${pr}\n`, 'dana', moved.map((m) => m.agent), tip);
        for (const m of moved) record(merge, m.agent, m.from);
      } else {
        // An experiment: try another model, edit the prompt, revert the model before merging.
        const agent = agents[pick(AGENTS)];
        const original = agent.model;
        agent.model = otherModel(agent);
        let tip = commit(branch, 'try another model\n', 'erin', [mainTip], [agent]);
        agent.instructions++;
        tip = commit(branch, 'tune the prompt\n', 'erin', [tip], [agent]);
        agent.model = original;
        tip = commit(branch, 'Revert "try another model"\n', 'erin', [tip], [agent]);
        onMain(`Merge pull request #${pr} from acme/experiment-${pr}\n`, 'dana', [agent], tip);
      }
    } else if (n % 10 === 5) {
      const moved = distinct(1 + pick(3)).map((agent) => ({ agent, from: agent.model }));
      for (const m of moved) m.agent.model = otherModel(m.agent);
      const at = onMain(`Move agents (#${1000 + n})\n`, 'bob', moved.map((m) => m.agent));
      for (const m of moved) record(at, m.agent, m.from);
    } else {
      const edited = distinct(1 + pick(2));
      const kind = pick(3);
      for (const agent of edited) {
        if (kind === 0) agent.comment++;
        else if (kind === 1) agent.flow = !agent.flow;
        else agent.instructions++;
      }
      onMain(['Update comments\n', 'Reformat params\n', 'Edit instructions\n'][kind], 'carol', edited);
    }
  }
  return { stream: out.join(''), expected };
}

function run(command, args, options) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { maxBuffer: 1 << 30, encoding: 'utf8', env: GIT_ENV, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'modelshift-bench-history-'));
try {
  const built = process.hrtime.bigint();
  const { stream, expected } = generate();
  run('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  run('git', ['fast-import', '--quiet', `--export-marks=${join(dir, 'marks')}`], { cwd: dir, input: stream });
  const shas = new Map(
    readFileSync(join(dir, 'marks'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.slice(1).split(' ')),
  );
  const commits = run('git', ['rev-list', '--count', '--first-parent', 'main'], { cwd: dir }).stdout.trim();
  console.log(`repository: ${AGENTS} agents, ${commits} first-parent commits, ${expected.length} model changes (built in ${(Number(process.hrtime.bigint() - built) / 1e6).toFixed(0)} ms)`);

  const script = `import { historyCommand } from ${JSON.stringify(COMMAND)};
await historyCommand({ cwd: process.cwd(), env: process.env, stdout: (t) => process.stdout.write(t), stderr: () => {}, isTTY: false, now: new Date() }, { format: 'json' });`;
  const ours = [];
  const git = [];
  let output = '';
  for (let i = 0; i < RUNS; i++) {
    const history = run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
    output = history.stdout;
    ours.push(history.ms);
    git.push(run('git', ['log', '-p', '--first-parent', '--', 'agents'], { cwd: dir }).ms);
  }
  // Other work on the machine slows three processes more than one: the best run shows the intrinsic cost.
  const [historyMs, gitMs, bestHistory, bestGit] = [median(ours), median(git), Math.min(...ours), Math.min(...git)];
  const ratio = historyMs / gitMs;
  console.log(`modelshift history --format json: ${historyMs.toFixed(0)} ms (median of ${RUNS}; best ${bestHistory.toFixed(0)} ms)`);
  console.log(`git log -p --first-parent -- agents: ${gitMs.toFixed(0)} ms (median of ${RUNS}; best ${bestGit.toFixed(0)} ms)`);
  console.log(`ratio: ${ratio.toFixed(2)} (best ${(bestHistory / bestGit).toFixed(2)}; target <= 5.0) ${ratio <= 5 ? 'OK' : 'OVER'}`);

  const want = new Set(expected.map((line) => line.replace(/^\d+/, (m) => shas.get(m))));
  const got = new Set(JSON.parse(output).events.map((e) => `${e.commit} ${e.agent} ${e.from.provider}/${e.from.model} ${e.to.provider}/${e.to.model}`));
  const missing = [...want].filter((e) => !got.has(e));
  const extra = [...got].filter((e) => !want.has(e));
  const ok = missing.length === 0 && extra.length === 0;
  console.log(`events: ${ok ? 'OK' : 'FAIL'} (expected ${want.size}, got ${got.size}, missing ${missing.length}, unexpected ${extra.length})`);
  for (const line of [...missing.map((e) => `missing ${e}`), ...extra.map((e) => `unexpected ${e}`)].slice(0, 10)) console.log(`  ${line}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
