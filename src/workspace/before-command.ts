import { existsSync } from 'node:fs';
import path from 'node:path';
import { findWorkspaceRoot } from './root.js';
import { STATE_DIR } from './state-dir.js';

/**
 * Run before every CLI command: resolves an interrupted write in the
 * workspace holding `cwd` and says what it did on stderr. Cheap when there is
 * nothing to do: one look for the state folder, and the journal's reader
 * (with its schema library) loads only when the folder is there.
 */
export async function recoverBeforeCommand(cwd: string, stderr: (text: string) => void): Promise<void> {
  const root = await findWorkspaceRoot(cwd);
  if (!existsSync(path.join(root, STATE_DIR))) return;
  const { recoverWrites } = await import('./recover.js');
  const { notes, unresolved } = recoverWrites(root);
  for (const note of notes) stderr(`modelshift: ${note}\n`);
  if (unresolved) stderr(`warning: ${unresolved}\n`);
}
