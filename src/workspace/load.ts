import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Catalog } from '../catalog/index.js';
import type { Agent, EvalSuite, Migration, Provider, Resource, WorkspaceConfig } from '../schema/index.js';
import { discoverYamlFiles, findWorkspaceRoot } from './discover.js';
import { parseFile, type ParsedFile } from './parse-file.js';
import { RULES, type DocRef, type RuleInput } from './rules/index.js';
import { findingAt } from './rules/context.js';
import { checkSchema } from './schema-findings.js';
import type { Finding, Loaded, SourceFile, Workspace } from './types.js';

export interface LoadOptions {
  /** Today as YYYY-MM-DD, for retirement verdicts. */
  today: string;
}

export interface LoadedWorkspace extends Workspace {
  catalog: Catalog;
}

/** Reads every modelshift file under the workspace root and checks it. Problems are findings, never throws for bad files. */
export async function loadWorkspace(cwd: string, options: LoadOptions): Promise<LoadedWorkspace> {
  const root = await findWorkspaceRoot(cwd);
  const configFile = await readConfigFile(root);
  const ignore = ignoreGlobs(configFile);
  const discovered = await discoverYamlFiles(root, ignore);
  const parsed = await Promise.all(
    discovered.files.map(async (file) => (file === 'modelshift.yaml' && configFile ? configFile : parseFile(file, await readFile(path.join(root, file))))),
  );
  return buildWorkspace(root, parsed.filter((f) => f.ours), discovered.findings, options);
}

async function readConfigFile(root: string): Promise<ParsedFile | undefined> {
  const bytes = await readFile(path.join(root, 'modelshift.yaml')).catch(() => undefined);
  return bytes ? parseFile('modelshift.yaml', bytes) : undefined;
}

/** `spec.ignore` of modelshift.yaml, read before discovery because it decides what is discovered. */
function ignoreGlobs(config: ParsedFile | undefined): string[] {
  const data = config?.docs[0]?.data as { kind?: unknown; spec?: { ignore?: unknown } } | undefined;
  const ignore = data?.kind === 'Workspace' ? data.spec?.ignore : undefined;
  return Array.isArray(ignore) ? ignore.filter((g): g is string => typeof g === 'string') : [];
}

/** Pure from here on: parsed files in, workspace out. */
export function buildWorkspace(root: string, files: ParsedFile[], initial: Finding[], options: LoadOptions): LoadedWorkspace {
  const findings: Finding[] = [...initial];
  const refs: Record<Resource['kind'], DocRef<Resource>[]> = { Agent: [], Provider: [], Migration: [], EvalSuite: [], Workspace: [] };
  const all: DocRef[] = [];
  const sources = new Map<string, SourceFile>();

  for (const file of files) {
    findings.push(...file.findings);
    let invalid = file.findings.length > 0;
    for (const doc of file.docs) {
      all.push({ file: file.file, doc, value: doc.data });
      if (doc.data === undefined) continue;
      const checked = checkSchema(file.file, doc);
      findings.push(...checked.findings);
      if (checked.findings.length) invalid = true;
      if (checked.resource) refs[checked.resource.kind].push({ file: file.file, doc, value: checked.resource });
    }
    sources.set(file.file, { file: file.file, text: file.text, invalid });
  }

  const config = refs.Workspace[0] as DocRef<WorkspaceConfig> | undefined;
  for (const extra of refs.Workspace.slice(1)) {
    findings.push(findingAt(extra, 'kind', 'unique-name', `only one Workspace document is allowed; merge it into ${config!.file}`));
  }
  const catalog = new Catalog(config?.value.spec.catalog?.models);
  for (const id of catalog.incomplete) {
    findings.push(findingAt(config!, `spec.catalog.models.${id}`, 'catalog-override', `"${id}" is not in the built-in catalog, so its entry needs provider, contextWindow, maxOutputTokens, price, params (tokenLimit, maxTokensRequired, temperature, topP, temperatureTopPExclusive) and checked`, 'error', 'key'));
  }

  const input: RuleInput = {
    agents: refs.Agent as DocRef<Agent>[],
    providers: refs.Provider as DocRef<Provider>[],
    migrations: refs.Migration as DocRef<Migration>[],
    evalSuites: refs.EvalSuite as DocRef<EvalSuite>[],
    config,
    all,
    catalog,
    today: options.today,
  };
  for (const rule of RULES) findings.push(...rule(input));
  for (const f of findings) {
    const source = sources.get(f.file);
    if (source && f.severity === 'error') source.invalid = true;
  }
  findings.sort(byPosition);

  const index = <T>(list: DocRef<T>[]) => {
    const map = new Map<string, Loaded<T>>();
    for (const ref of list) {
      const name = (ref.value as { metadata: { name: string } }).metadata.name;
      if (!map.has(name)) map.set(name, { value: ref.value, file: ref.file, doc: ref.doc.index, line: ref.doc.line });
    }
    return map;
  };
  return {
    root,
    config: config && { value: config.value, file: config.file, doc: config.doc.index, line: config.doc.line },
    providers: index(input.providers),
    agents: index(input.agents),
    migrations: index(input.migrations),
    evalSuites: index(input.evalSuites),
    files: sources,
    findings,
    catalog,
  };
}

function byPosition(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
