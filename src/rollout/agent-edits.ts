import { EditError, editYaml, type DocEdit } from '../edit/index.js';
import { FileError } from '../errors.js';
import { diffFields, editOps } from '../plan/changes.js';
import type { FieldChange } from '../plan/types.js';
import type { Agent } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import { unifiedDiff } from '../render/unified-diff.js';
import type { Loaded } from '../workspace/types.js';

/** One agent document as it is and as a promotion or rollback makes it. */
export interface AgentEdit {
  name: string;
  file: string;
  doc: number;
  before: Agent;
  after: Agent;
  changes: FieldChange[];
}

export function agentEdit(loaded: Loaded<Agent>, after: Agent): AgentEdit {
  return { name: loaded.value.metadata.name, file: loaded.file, doc: loaded.doc, before: loaded.value, after, changes: diffFields(loaded.value, after) };
}

/**
 * The new text of every file the edits touch, made with the byte-minimal
 * editor (comments, quoting and key order stay; a renamed param keeps its
 * line), and their unified diff. An edit that cannot be made safely stops
 * everything with the file and position. Pure.
 */
export function rewriteAgents(workspace: LoadedWorkspace, edits: readonly AgentEdit[]): { files: Record<string, string>; diff: string } {
  const byFile = new Map<string, DocEdit[]>();
  for (const edit of edits) {
    if (edit.changes.length === 0) continue;
    byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), { doc: edit.doc, ops: editOps(edit.changes) }]);
  }
  const files: Record<string, string> = {};
  let diff = '';
  for (const [file, docEdits] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const source = workspace.files.get(file)!.text;
    let text: string;
    try {
      text = editYaml(source, docEdits);
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      throw new FileError(`cannot edit ${file} safely: ${error.message}`, { file, line: error.line, column: error.column }, 'edit', 'make this change by hand, or simplify the YAML at that position');
    }
    if (text === source) continue;
    files[file] = text;
    diff += unifiedDiff(file, file, source, text);
  }
  return { files, diff };
}
