import { EditFailure } from './errors.js';
import { formatPath, parseDocs } from './locate.js';
import type { Doc, YamlPath } from './locate.js';
import type { EditOp } from './plan.js';
import { docReadsAs } from './reads-as.js';

/**
 * What the document must read back as after `op`: its data with the op applied, the way a
 * program would do it on the parsed object. Missing parents are created; deleting what is
 * not there changes nothing.
 */
export function intended(data: unknown, op: EditOp): unknown {
  // Copy on write: only the containers along the path are copied, the rest is shared with `data`, which stays as it is.
  const root = shallowCopy(data);
  const parentPath = op.path.slice(0, -1);
  const last = op.path.at(-1);
  if (last === undefined) return root;
  let holder: unknown = root;
  for (const [i, key] of parentPath.entries()) {
    if (!isContainer(holder)) return data;
    const next = read(holder, key);
    if (!isContainer(next)) {
      if (op.op === 'delete') return data;
      write(holder, key, typeof op.path[i + 1] === 'number' ? [] : {});
    } else {
      write(holder, key, shallowCopy(next));
    }
    holder = read(holder, key);
  }
  if (!isContainer(holder)) return root;
  if (op.op === 'rename') {
    if (Array.isArray(holder) || !Object.hasOwn(holder, String(last))) return root;
    const renamed = Object.fromEntries(Object.entries(holder).map(([k, v]) => [k === String(last) ? op.to : k, v]));
    for (const k of Object.keys(holder)) delete holder[k];
    Object.assign(holder, renamed);
  } else if (op.op === 'set') {
    // Copied so later edits of the data cannot reach the caller's value; a string or number needs no copy.
    write(holder, last, typeof op.value === 'object' && op.value !== null ? structuredClone(op.value) : op.value);
  } else if (Array.isArray(holder) && typeof last === 'number') holder.splice(last, 1);
  else delete (holder as Record<string, unknown>)[String(last)];
  return root;
}

type Container = Record<string, unknown> | unknown[];

function shallowCopy(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  return isContainer(value) ? { ...value } : value;
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function read(holder: Container, key: string | number): unknown {
  return Array.isArray(holder) ? holder[Number(key)] : holder[String(key)];
}

function write(holder: Container, key: string | number, value: unknown): void {
  if (Array.isArray(holder)) holder[Number(key)] = value;
  else holder[String(key)] = value;
}

/**
 * Re-reads the edited text: every document must equal what was intended, and there must be
 * as many documents as before. `at` is where to point the user when it does not.
 * Returns the re-read documents, for the next op.
 */
export function verify(text: string, expected: unknown[], path: YamlPath, at: number): Doc[] {
  const fail = (why: string) =>
    new EditFailure(`the edit of ${formatPath(path)} was not written: ${why} (a bug in modelshift's YAML editor; please report it with the file)`, at, 'verify');
  let docs: Doc[];
  try {
    docs = parseDocs(text, 'verify');
  } catch (error) {
    throw error instanceof EditFailure ? fail(`the result would not parse (${error.message})`) : error;
  }
  if (docs.length !== expected.length) throw fail(`the file would hold ${docs.length} documents instead of ${expected.length}`);
  docs.forEach((doc, i) => {
    if (!docReadsAs(doc, expected[i])) throw fail(`document ${i + 1} would not read back as intended`);
  });
  return docs;
}
