import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/commands/scan.js';
import { scanJson } from '../../src/render/scan-common.js';

const exec = promisify(execFile);
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelshift-scanfiles-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const scan = async (cwd: string, paths: string[] = []) =>
  (await scanRepository({ cwd, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false, now: new Date('2026-12-01T00:00:00Z') }, paths)).references.map((r) => r.file);

const FILES = {
  '.gitignore': 'secret/\n*.log.py\n!keep.log.py\n',
  'app.py': 'MODEL = "gpt-4o"\n',
  'secret/a.py': 'MODEL = "gpt-4o"\n',
  'sub/.gitignore': 'local.py\n',
  'sub/local.py': 'MODEL = "gpt-4o"\n',
  'sub/kept.py': 'MODEL = "gpt-4o"\n',
  'x.log.py': 'MODEL = "gpt-4o"\n',
  'keep.log.py': 'MODEL = "gpt-4o"\n',
  'node_modules/pkg/index.js': 'const model = "gpt-4o";\n',
  'dist/bundle.js': 'const model = "gpt-4o";\n',
  'yarn.lock': 'gpt-4o\n',
  'image.py': Buffer.concat([Buffer.from('MODEL = "gpt-4o"\n'), Buffer.from([0, 1, 2, 0])]),
  'big.py': `MODEL = "gpt-4o"\n${'#'.repeat(1024 * 1024)}\n`,
  'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec:\n  ignore: ["legacy/**"]\n',
  'legacy/old.py': 'MODEL = "gpt-4o"\n',
};
const EXPECTED = ['app.py', 'keep.log.py', 'sub/kept.py'];

describe('which files scan reads', () => {
  it('outside git: applies .gitignore files (nested, negated), spec.ignore, and skips vendored, lock, binary and large files', async () => {
    expect(await scan(await folder(FILES))).toEqual(EXPECTED);
  });

  it('in a git work tree: the same, tracked and untracked files alike', async () => {
    const dir = await folder(FILES);
    await exec('git', ['init', '-q'], { cwd: dir });
    await exec('git', ['add', 'app.py', '.gitignore'], { cwd: dir });
    expect(await scan(dir)).toEqual(EXPECTED);
  });

  it('in a git work tree: reads each file once — a symlink is not followed, a FIFO is not waited on, a conflicted path is one file', async () => {
    const dir = await folder({ 'app.py': 'MODEL = "gpt-4o"\n', 'pipe.py': 'MODEL = "gpt-4o"\n' });
    const git = (...args: string[]) => exec('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('commit', '-qm', 'one');
    await git('checkout', '-qb', 'other');
    await writeFile(path.join(dir, 'app.py'), 'MODEL = "gpt-4.1"\n');
    await git('commit', '-qam', 'other');
    await git('checkout', '-q', 'main');
    await writeFile(path.join(dir, 'app.py'), 'MODEL = "gpt-4o-mini"\n');
    await git('commit', '-qam', 'main');
    await git('merge', '-q', 'other').catch(() => undefined); // conflicts: app.py is listed once per stage
    await symlink('app.py', path.join(dir, 'link.py'));
    // A tracked path that is a FIFO in the work tree (git lists it; opening it must not wait for a writer).
    await rm(path.join(dir, 'pipe.py'));
    await exec('mkfifo', [path.join(dir, 'pipe.py')]);
    expect(await scan(dir)).toEqual(['app.py', 'app.py']); // both sides of the conflict, once each
  });

  it('scans only the paths given', async () => {
    const dir = await folder(FILES);
    expect(await scan(dir, ['sub'])).toEqual(['sub/kept.py']);
    expect(await scan(dir, ['app.py'])).toEqual(['app.py']);
  });
});

describe('reading a large repository on two threads', () => {
  it('the built CLI (a worker thread reads too) reports exactly what one thread does', async () => {
    const repo = path.resolve(import.meta.dirname, '../..');
    if (!existsSync(path.join(repo, 'dist/src/scan/read-worker.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
    // Above the size from which a second thread reads (files.ts), with references spread over every chunk.
    const files: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) files[`pkg${i % 40}/m${i}.py`] = i % 37 === 0 ? `MODEL = "gpt-4o"  # ${i}\n` : `X_${i} = ${i}\n`;
    const dir = await folder(files);
    await exec('git', ['init', '-q'], { cwd: dir });
    await exec('git', ['add', '.'], { cwd: dir });
    const cli = await exec(process.execPath, [path.join(repo, 'bin/modelshift.js'), '--format', 'json', 'scan'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    const inProcess = scanJson(await scanRepository({ cwd: dir, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false, now: new Date() }));
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(inProcess)));
    expect(inProcess.summary).toMatchObject({ files: 5000, references: 136 });
  }, 60_000);
});
