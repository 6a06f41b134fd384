import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { ExternalError } from '../errors.js';

/** The file operations the writer uses; tests inject failures through it. */
export interface WriteFs {
  writeFile(file: string, text: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, alias: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mode(file: string): Promise<number | undefined>;
}

export const nodeFs: WriteFs = {
  writeFile: (file, text, mode) => fs.writeFile(file, text, { mode, flag: 'wx' }).then(() => fs.chmod(file, mode)),
  rename: (from, to) => fs.rename(from, to),
  link: (existing, alias) => fs.link(existing, alias),
  unlink: (file) => fs.unlink(file),
  mode: (file) => fs.stat(file).then((s) => s.mode & 0o7777, () => undefined),
};

/**
 * Writes every file or none: new texts go to temporaries beside their
 * targets, originals are kept as hard-linked backups, and a failed rename
 * puts every already-replaced original back. File modes are preserved.
 */
export async function writeFilesAtomically(root: string, files: Readonly<Record<string, string>>, io: WriteFs = nodeFs): Promise<void> {
  const tag = `.modelshift-${process.pid}-${randomBytes(4).toString('hex')}`;
  const entries = Object.entries(files).map(([rel, text]) => {
    const target = path.join(root, rel);
    return { rel, text, target, temp: `${target}${tag}.tmp`, backup: `${target}${tag}.bak`, hasBackup: false, replaced: false };
  });
  const cleanup = (names: string[]) => inBatches(names, (name) => io.unlink(name).catch(() => undefined));
  try {
    await inBatches(entries, async (entry) => {
      const mode = await io.mode(entry.target);
      await io.writeFile(entry.temp, entry.text, mode ?? 0o644);
      if (mode !== undefined) {
        await io.link(entry.target, entry.backup);
        entry.hasBackup = true;
      }
    });
    await inBatches(entries, async (entry) => {
      await io.rename(entry.temp, entry.target);
      entry.replaced = true;
    });
  } catch (error) {
    for (const entry of entries.filter((e) => e.replaced)) {
      if (entry.hasBackup) await io.rename(entry.backup, entry.target).catch(() => undefined);
      else await io.unlink(entry.target).catch(() => undefined);
    }
    await cleanup(entries.flatMap((e) => [e.temp, e.backup]));
    throw new ExternalError(`could not write ${entries.length} file(s); nothing was changed`, { cause: error, hint: (error as Error).message });
  }
  await cleanup(entries.filter((e) => e.hasBackup).map((e) => e.backup));
}

/** File operations in flight at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const BATCH = 64;

/** Runs `task` on every item, BATCH at a time; the first failure stops the next batches and is thrown. */
async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    const results = await Promise.allSettled(items.slice(i, i + BATCH).map(task));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
