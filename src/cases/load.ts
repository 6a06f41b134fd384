import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Assertion, CasesSource, EvalCase, EvalSuite } from '../schema/eval-suite.js';
import type { CheckedFile } from '../workspace/parse-file.js';
import { findingAt, type DocRef } from '../workspace/rules/context.js';
import type { Finding, Loaded, Workspace } from '../workspace/types.js';
import { fileFinding, type CasesRead } from './types.js';

/** Production logs are bigger than config files; past this a file is refused rather than read whole. */
export const MAX_CASE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads every suite's `casesFrom` files into its `spec.cases` (after the
 * inline cases) and resolves every `javascript` assertion's module to an
 * absolute path. Paths are relative to the suite file and must stay inside
 * the workspace (symlinks followed). Problems become findings: in the suite
 * file for a path, in the case file at the row's line for its content.
 */
export async function loadSuiteCases(workspace: Workspace, files: readonly CheckedFile[]): Promise<void> {
  const root = await realpath(workspace.root).catch(() => workspace.root);
  const findings: Finding[] = [];
  for (const [name, loaded] of workspace.evalSuites) {
    const doc = files.find((f) => f.file === loaded.file)?.docs[loaded.doc];
    if (!doc) continue;
    const ref: DocRef = { file: loaded.file, doc, value: loaded.value };
    const expanded = await expandSuite(root, loaded, ref, findings);
    workspace.evalSuites.set(name, { ...loaded, value: expanded });
  }
  for (const f of findings) {
    const source = workspace.files.get(f.file);
    if (source && f.severity === 'error') source.invalid = true;
  }
  workspace.findings.push(...findings);
  workspace.findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

async function expandSuite(root: string, loaded: Loaded<EvalSuite>, ref: DocRef, findings: Finding[]): Promise<EvalSuite> {
  const suiteDir = path.dirname(path.join(root, loaded.file));
  const spec = loaded.value.spec;
  const scripts = new Scripts(root, suiteDir, findings);
  const resolve = async (list: Assertion[] | undefined, at: (j: number) => (message: string) => Finding): Promise<Assertion[] | undefined> =>
    list && Promise.all(list.map((a, j) => scripts.resolve(a, at(j))));

  const inline: EvalCase[] = [];
  for (const [i, c] of (spec.cases ?? []).entries()) {
    const assert = await resolve(c.assert, (j) => (message) => findingAt(ref, `spec.cases.${i}.assert.${j}.file`, 'case-file', message));
    inline.push({ ...c, ...(assert ? { assert } : {}) });
  }
  const defaultAssert = await resolve(spec.defaultAssert, (j) => (message) => findingAt(ref, `spec.defaultAssert.${j}.file`, 'case-file', message));

  const fromFiles: EvalCase[] = [];
  const names = new Set(inline.map((c) => c.name));
  for (const [i, source] of (spec.casesFrom ?? []).entries()) {
    const key = 'file' in source ? 'file' : 'fromLog';
    const at = (message: string) => findingAt(ref, `spec.casesFrom.${i}.${key}`, 'case-file', message);
    const relative = 'file' in source ? source.file : source.fromLog;
    const file = await inside(root, suiteDir, relative);
    if ('problem' in file) {
      findings.push(at(`${relative} ${file.problem}`));
      continue;
    }
    const read = await readSource(file.relative, file.absolute, source);
    if ('problem' in read) {
      findings.push(at(`${relative} ${read.problem}`));
      continue;
    }
    const sourceAssert = await resolve(source.assert, (j) => (message) => findingAt(ref, `spec.casesFrom.${i}.assert.${j}.file`, 'case-file', message));
    findings.push(...read.findings);
    for (const { case: c, line } of read.cases) {
      const own = await resolve(c.assert, () => (message) => fileFinding(file.relative, line, 1, 'assert', message));
      const assert = [...(key === 'file' ? (sourceAssert ?? []) : []), ...(own ?? [])];
      if (!assert.length && !spec.defaultAssert) {
        findings.push(fileFinding(file.relative, line, 1, 'assert', `case "${c.name}" has no assertions; add an assert column or key, assert on the casesFrom entry, or spec.defaultAssert`));
        continue;
      }
      // Results pair base and head by case name: a second case of the same name would be confused with the first.
      if (names.has(c.name)) {
        findings.push(fileFinding(file.relative, line, 1, 'name', `case name "${c.name}" is already used in suite ${loaded.value.metadata.name}; give this case another name`));
        continue;
      }
      names.add(c.name);
      fromFiles.push({ ...c, ...(assert.length ? { assert } : {}) });
    }
  }
  // casesFrom is spent: its cases are in `cases` now, so nothing reads the files twice.
  const expanded = { ...spec, ...(defaultAssert ? { defaultAssert } : {}), cases: [...inline, ...fromFiles] };
  delete expanded.casesFrom;
  return { ...loaded.value, spec: expanded };
}

async function readSource(relative: string, absolute: string, source: CasesSource): Promise<CasesRead | { problem: string }> {
  const size = (await stat(absolute)).size;
  if (size > MAX_CASE_FILE_BYTES) return { problem: `is ${Math.round(size / 1024 / 1024)} MiB, over the ${MAX_CASE_FILE_BYTES / 1024 / 1024} MiB limit; sample the log into a smaller file` };
  const text = await readFile(absolute, 'utf8');
  // Each reader loads with the first file of its kind: a workspace of inline cases loads none.
  if ('fromLog' in source) return (await import('./from-log.js')).readLogCases(relative, text, source);
  return relative.endsWith('.csv') ? (await import('./csv-cases.js')).readCsvCases(relative, text) : (await import('./jsonl-cases.js')).readJsonlCases(relative, text);
}

type Inside = { absolute: string; relative: string } | { problem: string };

/** `file` relative to `dir`, as long as it exists and (symlinks followed) stays inside `root`. */
async function inside(root: string, dir: string, file: string): Promise<Inside> {
  const absolute = path.resolve(dir, file);
  const outside = (p: string) => {
    const rel = path.relative(root, p);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel);
  };
  if (outside(absolute)) return { problem: 'resolves outside the workspace; paths are relative to the suite file and must stay inside the workspace' };
  const real = await realpath(absolute).catch(() => undefined);
  if (!real) return { problem: `does not exist (looked for ${path.relative(root, absolute).split(path.sep).join('/')}; paths are relative to the suite file)` };
  if (outside(real)) return { problem: 'is a symlink that leaves the workspace; copy the file into the workspace' };
  if (!(await stat(real)).isFile()) return { problem: 'is not a file' };
  return { absolute: real, relative: path.relative(root, absolute).split(path.sep).join('/') };
}

/** Resolves `javascript` assertions' modules once per path, reporting each bad path where it is written. */
class Scripts {
  private readonly cache = new Map<string, Promise<Inside>>();
  constructor(
    private readonly root: string,
    private readonly dir: string,
    private readonly findings: Finding[],
  ) {}

  async resolve(assertion: Assertion, at: (message: string) => Finding): Promise<Assertion> {
    if (assertion.type !== 'javascript') return assertion;
    let found = this.cache.get(assertion.file);
    if (!found) {
      found = inside(this.root, this.dir, assertion.file);
      this.cache.set(assertion.file, found);
    }
    const result = await found;
    if ('problem' in result) {
      this.findings.push(at(`javascript module ${assertion.file} ${result.problem}`));
      return assertion;
    }
    return { ...assertion, file: result.absolute };
  }
}
