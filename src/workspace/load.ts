import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadSuiteCases } from '../cases/load.js';
import type { ExternalSource } from '../catalog/external.js';
import { Catalog } from '../catalog/index.js';
import { missingFacts } from '../catalog/check.js';
import { ExternalError, UsageError } from '../errors.js';
import type { Agent, EvalSuite, Kind, Migration, Provider, Resource, WorkspaceConfig } from '../schema/index.js';
import { readCatalogSources, type SourceProblem } from './catalog-sources.js';
import { discoverYamlFiles } from './discover.js';
import { findWorkspaceRoot } from './root.js';
import { filesToPlan } from './focus.js';
import { parseFile, type CheckedFile, type ParsedFile } from './parse-file.js';
import { parseFiles, startWorkersEarly } from './parse-files.js';
import type { FilePlan, ThreadPlanning } from '../plan/file-plan.js';
import { journalFinding } from './recover.js';
import { RULES, type DocRef, type RuleInput } from './rules/index.js';
import { findingAt } from './rules/context.js';
import { withoutSecretNames } from './rules/secrets.js';
import type { Finding, Loaded, SourceFile, Workspace } from './types.js';

export interface LoadOptions {
  /** Today as YYYY-MM-DD, for retirement verdicts. */
  today: string;
  /**
   * Load only what planning this migration (name or path) needs: agents on
   * other models are not parsed, so cross-file findings cover the files read.
   */
  planning?: { migration: string; cwd: string };
  /** Fetch the URL catalog sources when their cached copy is missing or old (`watch`, `catalog`). */
  fetchCatalog?: boolean;
  /** The catalog sources, read (loadWorkspace fills this in). */
  catalogSources?: { sources: ExternalSource[]; problems: SourceProblem[] };
}

export interface LoadedWorkspace extends Workspace {
  catalog: Catalog;
  /** Documents declaring each kind, valid or not (what `validate` counts). */
  declared: Record<Kind, number>;
  /** Files planned where they were parsed (planning mode), by path. */
  planned?: ReadonlyMap<string, FilePlan>;
  /** The rule they were planned under, as it was read: a caller planning a changed rule (repair) plans anew. */
  plannedRule?: Migration;
}

const CONFIG_FILE = 'modelshift.yaml';

/** Reads every modelshift file under the workspace root and checks it. Problems are findings, never throws for bad files. */
export async function loadWorkspace(cwd: string, options: LoadOptions): Promise<LoadedWorkspace> {
  const folder = await stat(cwd).catch(() => undefined);
  if (folder && !folder.isDirectory()) throw new UsageError(`${cwd} is not a folder`, 'pass the workspace folder (the one holding modelshift.yaml) with -C DIR');
  const root = await findWorkspaceRoot(cwd);
  const config = await readConfigFile(root);
  const discovered = await discoverYamlFiles(root, ignoreGlobs(config));
  const journal = journalFinding(root);
  if (journal) discovered.findings.push(journal);
  const all = discovered.files.filter((file) => file !== CONFIG_FILE);
  const { parsed, rule } = options.planning ? await parseToPlan(root, all, config, options.planning) : { parsed: await parseFiles(root, all), rule: undefined };
  if (config && discovered.files.includes(CONFIG_FILE)) parsed.unshift(config);
  const catalogSources = await readConfiguredSources(root, config, options);
  const ours = parsed.filter((f) => f.ours);
  const workspace = buildWorkspace(root, ours, discovered.findings, { ...options, catalogSources });
  if (rule && workspace.planned) workspace.plannedRule = rule;
  // Case files and check modules are read here, at the edge, so buildWorkspace stays pure.
  await loadSuiteCases(workspace, ours);
  return workspace;
}

/** The public model lists of `spec.catalog.sources`; read before the pure build, which turns problems into findings. */
async function readConfiguredSources(root: string, config: ParsedFile | undefined, options: LoadOptions): Promise<LoadOptions['catalogSources']> {
  const spec = (config?.docs[0]?.resource as WorkspaceConfig | undefined)?.spec;
  if (!spec?.catalog?.sources?.length) return undefined;
  const cacheDir = path.resolve(root, spec.eval?.cacheDir ?? '.modelshift/cache');
  return readCatalogSources(root, spec.catalog.sources, { today: options.today, fetch: options.fetchCatalog, cacheDir });
}

/**
 * Planning: the files besides the agents that name the rule's model first,
 * then those agents, each planned in the thread that parses it (once the rule
 * and its providers are known). Results in the order of `files`.
 */
async function parseToPlan(root: string, files: readonly string[], config: ParsedFile | undefined, planning: { migration: string; cwd: string }): Promise<{ parsed: CheckedFile[]; rule?: Migration }> {
  // Started before the candidates are picked, so the workers are up by the time they are parsed.
  const early = startWorkersEarly(files.length);
  const { support, candidates, candidateTexts } = filesToPlan(root, files, planning.migration, planning.cwd);
  // When no file is a candidate (the rule was not found this way), every file is support: the workers are for them.
  const first = await parseFiles(root, support, undefined, undefined, candidates.length ? undefined : early);
  const { planKey } = await import('../plan/file-plan.js');
  const inThread = threadPlanning(root, [...(config ? [config] : []), ...first], planning, planKey);
  const rest = await parseFiles(root, candidates, inThread, candidateTexts, early);
  return { parsed: [...first, ...rest].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), rule: inThread?.rule };
}

/** The rule and its providers' types, when each is found exactly once and valid; else the main thread plans. */
function threadPlanning(root: string, parsed: readonly CheckedFile[], planning: { migration: string; cwd: string }, planKey: (file: string, rule: Migration) => string): ThreadPlanning | undefined {
  const resources = parsed.flatMap((f) => f.docs.flatMap((d) => (d.resource ? [{ file: f.file, value: d.resource }] : [])));
  const wanted = path.relative(root, path.resolve(planning.cwd, planning.migration)).split(path.sep).join('/');
  const migrations = resources.filter((r): r is { file: string; value: Migration } => r.value.kind === 'Migration');
  const byName = migrations.filter((m) => m.value.metadata.name === planning.migration);
  const byFile = migrations.filter((m) => m.file === wanted);
  const rule = byName.length === 1 ? byName[0] : byName.length === 0 && byFile.length === 1 ? byFile[0] : undefined;
  if (!rule) return undefined;
  const typeOf = (name: string) => {
    const found = resources.filter((r) => r.value.kind === 'Provider' && r.value.metadata.name === name);
    return found.length === 1 ? (found[0]!.value as Provider).spec.type : undefined;
  };
  const fromType = typeOf(rule.value.spec.from.provider);
  const toType = typeOf(rule.value.spec.to.provider);
  if (!fromType || !toType) return undefined;
  const workspace = resources.find((r) => r.value.kind === 'Workspace')?.value as WorkspaceConfig | undefined;
  // Catalog sources are read after parsing and can change the facts; the main thread plans with them.
  if (workspace?.spec?.catalog?.sources?.length) return undefined;
  return { key: planKey(rule.file, rule.value), rule: rule.value, fromType, toType, catalog: workspace?.spec?.catalog?.models };
}

/** modelshift.yaml, parsed before discovery because its `spec.ignore` decides what is discovered. */
async function readConfigFile(root: string): Promise<ParsedFile | undefined> {
  const bytes = await readFile(path.join(root, CONFIG_FILE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ExternalError(`cannot read ${CONFIG_FILE}: ${error.message}`, { hint: 'check the file permissions', cause: error });
  });
  return bytes && parseFile(CONFIG_FILE, bytes);
}

/** `spec.ignore`, honoured even when another part of modelshift.yaml is invalid. */
function ignoreGlobs(config: ParsedFile | undefined): string[] {
  const data = config?.docs[0]?.data as { kind?: unknown; spec?: { ignore?: unknown } } | undefined;
  const ignore = data?.kind === 'Workspace' ? data.spec?.ignore : undefined;
  return Array.isArray(ignore) ? ignore.filter((g): g is string => typeof g === 'string') : [];
}

/** Pure from here on: checked files in, workspace out. Runs the cross-file rules. */
export function buildWorkspace(root: string, files: readonly CheckedFile[], initial: readonly Finding[], options: LoadOptions): LoadedWorkspace {
  const findings: Finding[] = [...initial];
  const refs: Record<Kind, DocRef<Resource>[]> = { Agent: [], Provider: [], Migration: [], EvalSuite: [], Workspace: [] };
  const declared: Record<Kind, number> = { Agent: 0, Provider: 0, Migration: 0, EvalSuite: 0, Workspace: 0 };
  const sources = new Map<string, SourceFile>();
  const planned = new Map<string, FilePlan>();

  for (const file of files) {
    findings.push(...file.findings);
    for (const doc of file.docs) {
      if (doc.kind) declared[doc.kind]++;
      if (doc.resource) refs[doc.resource.kind].push({ file: file.file, doc, value: doc.resource });
    }
    sources.set(file.file, { file: file.file, text: file.text, invalid: file.findings.some((f) => f.severity === 'error') });
    if (file.plan) planned.set(file.file, file.plan);
  }

  const config = refs.Workspace[0] as DocRef<WorkspaceConfig> | undefined;
  for (const extra of refs.Workspace.slice(1)) {
    findings.push(findingAt(extra, 'kind', 'unique-name', `only one Workspace document is allowed; merge it into ${config!.file}`));
  }
  const overrides = config?.value.spec.catalog?.models;
  const catalog = new Catalog(overrides, options.catalogSources?.sources);
  for (const problem of options.catalogSources?.problems ?? []) {
    findings.push(findingAt(config!, `spec.catalog.sources.${problem.index}`, 'catalog-source', problem.message, problem.severity));
  }
  for (const id of catalog.incomplete) {
    findings.push(findingAt(config!, `spec.catalog.models.${id}`, 'catalog-override',
      `"${id}" is not in the built-in catalog, so its entry must describe the whole model; add ${missingFacts(overrides?.[id] ?? {}).join(', ')}`, 'error', 'key'));
  }

  const invalid: RuleInput['invalid'] = {};
  for (const file of files) {
    for (const doc of file.docs) {
      if (!doc.kind || doc.resource || doc.name === undefined) continue;
      (invalid[doc.kind] ??= new Map()).set(doc.name, file.file);
    }
  }
  const input: RuleInput = {
    agents: refs.Agent as DocRef<Agent>[],
    providers: refs.Provider as DocRef<Provider>[],
    migrations: refs.Migration as DocRef<Migration>[],
    evalSuites: refs.EvalSuite as DocRef<EvalSuite>[],
    config,
    invalid,
    catalog,
    today: options.today,
  };
  for (const rule of RULES) findings.push(...rule(input));
  for (let i = 0; i < findings.length; i++) findings[i] = withoutSecretNames(findings[i]!);
  for (const f of findings) {
    const source = sources.get(f.file);
    if (source && f.severity === 'error') source.invalid = true;
  }
  findings.sort(byPosition);

  const index = <T extends Resource>(list: DocRef<Resource>[]) => {
    const map = new Map<string, Loaded<T>>();
    for (const ref of list) {
      const name = ref.value.metadata.name;
      if (!map.has(name)) map.set(name, { value: ref.value as T, file: ref.file, doc: ref.doc.index, line: ref.doc.line });
    }
    return map;
  };
  return {
    root,
    config: config && { value: config.value, file: config.file, doc: config.doc.index, line: config.doc.line },
    providers: index<Provider>(refs.Provider),
    agents: index<Agent>(refs.Agent),
    migrations: index<Migration>(refs.Migration),
    evalSuites: index<EvalSuite>(refs.EvalSuite),
    files: sources,
    findings,
    catalog,
    declared,
    ...(planned.size ? { planned } : {}),
  };
}

function byPosition(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
