import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { ExternalError } from '../errors.js';
import { isNotFound } from '../fs-errors.js';
import { ProviderType } from '../schema/provider.js';
import { sleep } from '../sleep.js';

/** A batch submitted and not yet read back: what a re-run needs to resume it instead of submitting again. */
export const PendingBatch = z.strictObject({
  version: z.literal(1),
  /** The provider's `metadata.name`, and the connection it was sent through. */
  provider: z.string(),
  providerType: ProviderType,
  baseURL: z.string().nullable(),
  id: z.string().min(1),
  submittedAt: z.string(),
  /** The eval cache keys of its requests (also their `custom_id`s). */
  keys: z.array(z.string()),
});
export type PendingBatch = z.infer<typeof PendingBatch>;

export interface StoredBatch {
  file: string;
  batch: PendingBatch;
}

/**
 * Pending batch ids in `<cacheDir>/batches/<provider>-<hash of its keys>.json`.
 * Each file is written to a temporary name and renamed, so a run killed at
 * any moment leaves a whole file or none.
 */
export class PendingStore {
  constructor(readonly dir: string) {}

  /** Every readable pending batch; a damaged file is skipped (its batch is then submitted again). */
  async list(): Promise<StoredBatch[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw new ExternalError(`cannot read the pending batches in ${this.dir}`, { cause: err, hint: 'check the permissions of spec.eval.cacheDir' });
    }
    const stored: StoredBatch[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const file = join(this.dir, name);
      const parsed = PendingBatch.safeParse(safeJson(await readFile(file, 'utf8').catch(() => '')));
      if (parsed.success) stored.push({ file, batch: parsed.data });
    }
    return stored;
  }

  async save(batch: PendingBatch): Promise<StoredBatch> {
    const hash = createHash('sha256').update(batch.keys.join('\n')).digest('hex').slice(0, 16);
    const file = join(this.dir, `${batch.provider}-${hash}.json`);
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(tmp, `${JSON.stringify(batch, null, 2)}\n`);
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new ExternalError(`cannot record batch ${batch.id} in ${this.dir}; it runs at the provider, but a re-run cannot resume it`, {
        cause: err,
        hint: 'check the free space and permissions of spec.eval.cacheDir',
      });
    }
    return { file, batch };
  }

  async remove(stored: StoredBatch): Promise<void> {
    await rm(stored.file, { force: true });
  }

  /**
   * Holds `<provider>.lock` while a run decides what to submit and records
   * it, so a second run at the same time resumes the first one's batch
   * instead of submitting the same requests again. Waits while a live process
   * holds it; a lock whose process is gone (killed) is taken over.
   */
  async lock(provider: string, signal?: AbortSignal): Promise<() => Promise<void>> {
    const file = join(this.dir, `${provider}.lock`);
    await mkdir(this.dir, { recursive: true });
    // Written whole under a name of its own, then linked into place: the lock never exists without its pid.
    const mine = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(mine, String(process.pid));
    for (;;) {
      try {
        await link(mine, file);
        await rm(mine, { force: true });
        return () => rm(file, { force: true });
      } catch (err) {
        if (!(typeof err === 'object' && err !== null && 'code' in err && err.code === 'EEXIST')) {
          await rm(mine, { force: true });
          throw new ExternalError(`cannot lock the pending batches in ${this.dir}`, { cause: err, hint: 'check the permissions of spec.eval.cacheDir' });
        }
      }
      const holder = Number(await readFile(file, 'utf8').catch(() => ''));
      if (!alive(holder)) {
        await rm(file, { force: true });
        continue;
      }
      if (signal?.aborted) {
        await rm(mine, { force: true });
        throw new ExternalError(`stopped while waiting for process ${holder} to finish submitting batches`);
      }
      await sleep(LOCK_POLL_MS, signal);
    }
  }
}

const LOCK_POLL_MS = 200;

/** Whether a process of this id runs. */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs under another user.
    return typeof err === 'object' && err !== null && 'code' in err && err.code === 'EPERM';
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
