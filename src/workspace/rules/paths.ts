import path from 'node:path';
import type { Finding } from '../types.js';
import { findingAt, type Rule } from './context.js';

/**
 * Why a configured path would leave the workspace, or undefined when it stays
 * inside: absolute paths (POSIX, Windows drive or UNC) and `..` escapes.
 * Symlinks are resolved where the path is used (see inside.ts).
 */
export function escapesWorkspace(configured: string): string | undefined {
  if (path.posix.isAbsolute(configured) || path.win32.isAbsolute(configured)) return 'is absolute';
  const normal = path.posix.normalize(configured.replace(/\\/g, '/'));
  if (normal === '..' || normal.startsWith('../')) return 'leaves the workspace through ..';
  return undefined;
}

/** Every path modelshift.yaml configures resolves inside the workspace (DESIGN §8). */
export const pathsInside: Rule = (input) => {
  const config = input.config;
  if (!config) return [];
  const findings: Finding[] = [];
  const check = (at: string, configured: string | undefined) => {
    const why = configured === undefined ? undefined : escapesWorkspace(configured);
    if (why) findings.push(findingAt(config, at, 'path-outside', `${at} ${why}; modelshift writes only inside the workspace, so give a path relative to the folder of modelshift.yaml, e.g. build/agents.json`));
  };
  check('spec.eval.cacheDir', config.value.spec.eval?.cacheDir);
  config.value.spec.sync?.targets.forEach((target, i) => {
    if (target.type !== 'http') check(`spec.sync.targets.${i}.path`, target.path);
  });
  return findings;
};
