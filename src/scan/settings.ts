import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Catalog } from '../catalog/index.js';
import { IdMatcher } from './ids.js';

export interface ScanSettings {
  ids: IdMatcher;
  ignore: string[];
  /** Set when modelshift.yaml exists but could not be used. */
  warning?: string;
}

/**
 * What scan takes from a `modelshift.yaml` in the folder it scans, when there is one:
 * `spec.ignore` and `spec.catalog.models` (retirement dates and private models). A folder
 * that is not a modelshift workspace scans with the built-in catalog.
 */
export async function readScanSettings(root: string): Promise<ScanSettings> {
  const text = await readFile(path.join(root, 'modelshift.yaml'), 'utf8').catch(() => undefined);
  if (text === undefined) return { ids: new IdMatcher(new Catalog()), ignore: [] };
  // Loaded only for a workspace: a plain repository scans without the YAML parser and zod.
  const [{ yaml }, { WorkspaceConfig }] = await Promise.all([import('./yaml-module.js'), import('../schema/workspace.js')]);
  let data: unknown;
  try {
    data = yaml.parse(text);
  } catch {
    data = undefined;
  }
  const config = WorkspaceConfig.safeParse(data);
  if (!config.success) {
    return { ids: new IdMatcher(new Catalog()), ignore: [], warning: 'modelshift.yaml is invalid, so its spec.ignore and spec.catalog are not used; run modelshift validate' };
  }
  const models = config.data.spec.catalog?.models ?? {};
  return { ids: new IdMatcher(new Catalog(models), Object.keys(models)), ignore: config.data.spec.ignore ?? [] };
}
