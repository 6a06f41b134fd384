import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/commands/scan.js';

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

  it('scans only the paths given', async () => {
    const dir = await folder(FILES);
    expect(await scan(dir, ['sub'])).toEqual(['sub/kept.py']);
    expect(await scan(dir, ['app.py'])).toEqual(['app.py']);
  });
});
