export const id = 436;
export const ids = [436];
export const modules = {

/***/ 5436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBatches: () => (/* binding */ runBatches)
});

// EXTERNAL MODULE: ./src/catalog/batch.ts
var batch = __webpack_require__(63);
// EXTERNAL MODULE: ./src/llm/errors.ts
var errors = __webpack_require__(9968);
// EXTERNAL MODULE: ./src/sleep.ts
var sleep = __webpack_require__(6972);
;// CONCATENATED MODULE: ./src/batch/progress.ts
function submittedLine(provider, submitted, resumed) {
    const parts = [];
    if (submitted.ids.length)
        parts.push(`submitted ${submitted.requests} requests in ${plural(submitted.ids.length, 'batch')} (${submitted.ids.join(', ')})`);
    if (resumed.length)
        parts.push(`resumed ${plural(resumed.length, 'pending batch')} (${resumed.join(', ')})`);
    return `batch ${provider}: ${parts.join('; ')}\n`;
}
function progressLine(t, polls) {
    const inProgress = Math.max(0, t.requests - t.completed - t.failed);
    return `batch ${t.provider}: ${plural(t.requests, 'request')} in ${plural(t.batches, 'batch')} · ${t.completed} completed · ${t.failed} failed · ${inProgress} in progress (${plural(polls, 'poll')})\n`;
}
function doneLine(provider, done) {
    const retried = done.failed ? `; ${done.retriedOnline} of the failed retried online, ${done.failed - done.retriedOnline} reported as errors` : '';
    return `batch ${provider}: ended, ${done.answered} answered, ${done.failed} failed${retried}\n`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : word.endsWith('h') ? 'es' : 's'}`;
}

;// CONCATENATED MODULE: ./src/batch/run.ts




/** Cache reads or writes in flight at once. */
const LOOKUPS = 64;
/**
 * Gets every request not in the cache answered through its provider's batch
 * API: resumes the batches an earlier run left pending, submits the rest
 * (each provider's as one batch, split only at the provider's size limit),
 * polls, and writes each answer to the cache as it is read. Throws `LlmError`
 * when the batch API itself fails; a batch already submitted stays pending
 * for the next run.
 */
async function runBatches(requests, opts) {
    const groups = new Map();
    for (const { provider, key, request } of requests) {
        const name = provider.metadata.name;
        let group = groups.get(name);
        if (!group)
            groups.set(name, (group = { provider, requests: new Map() }));
        group.requests.set(key, request);
    }
    const out = { answers: new Map(), errors: new Map(), summary: [] };
    // When one provider's batch API fails, the others stop polling (their batches stay pending) and the run ends.
    const stop = new AbortController();
    const relay = () => stop.abort();
    if (opts.signal?.aborted)
        stop.abort();
    opts.signal?.addEventListener('abort', relay, { once: true });
    const shared = { ...opts, signal: stop.signal };
    try {
        const runs = await Promise.allSettled([...groups.values()].map((g) => runProvider(g.provider, g.requests, out, shared).catch((err) => {
            stop.abort();
            throw err;
        })));
        const failed = runs.find((r) => r.status === 'rejected');
        if (failed)
            throw failed.reason;
        out.summary = runs.map((r) => r.value);
    }
    finally {
        opts.signal?.removeEventListener('abort', relay);
    }
    return out;
}
async function runProvider(provider, requests, out, opts) {
    const name = provider.metadata.name;
    const { signal } = opts;
    const now = opts.now ?? Date.now;
    let needed = await notCached(requests, opts.cache);
    const summary = {
        provider: name, batches: [], resumed: 0, requests: needed.size, answered: 0, failed: 0, retriedOnline: 0, polls: 0, discount: (0,batch/* batchDiscount */._)(provider.spec.type),
    };
    if (!needed.size)
        return summary;
    const baseURL = provider.spec.baseURL ?? null;
    const backend = await opts.backendFor(provider);
    const tracked = [];
    const failures = new Map();
    const latest = new Map();
    // A resumed batch's first poll is the status `known` read: asking again at once would tell nothing new.
    const unpolled = new Map();
    try {
        // What to resume and what to submit is decided and recorded under the provider's lock: a run started
        // meanwhile waits, then finds these batches pending and resumes them instead of submitting them again.
        const release = await opts.pending.lock(name, signal);
        try {
            // A run that held the lock may have answered some meanwhile.
            needed = await notCached(needed, opts.cache);
            summary.requests = needed.size;
            const mine = (await opts.pending.list()).filter(({ batch }) => batch.provider === name && batch.providerType === provider.spec.type && batch.baseURL === baseURL && batch.keys.some((k) => needed.has(k)));
            const resumed = await known(mine, backend, opts);
            summary.polls += resumed.size;
            for (const [s, status] of resumed) {
                latest.set(s, status);
                unpolled.set(s, status);
            }
            tracked.push(...resumed.keys());
            const covered = new Set([...resumed.keys()].flatMap((s) => s.batch.keys));
            const uncovered = [...needed.keys()].filter((k) => !covered.has(k));
            const submitted = [];
            for (const keys of chunks(uncovered, needed, backend)) {
                if (signal?.aborted)
                    break;
                const id = await backend.submit(keys.map((customId) => ({ customId, request: needed.get(customId) })), signal);
                // Recorded before the first poll: a run killed from here on resumes this batch.
                tracked.push(await opts.pending.save({ version: 1, provider: name, providerType: provider.spec.type, baseURL, id, submittedAt: new Date(now()).toISOString(), keys }));
                submitted.push(id);
            }
            summary.batches = tracked.map((s) => s.batch.id);
            summary.resumed = resumed.size;
            opts.onProgress(submittedLine(name, { requests: uncovered.length, ids: submitted }, [...resumed.keys()].map((s) => s.batch.id)));
        }
        finally {
            await release();
        }
        const open = new Set(tracked);
        let delay = opts.poll.initialMs;
        let lastLine = now();
        while (open.size && !signal?.aborted) {
            let ended = false;
            for (const s of [...open]) {
                let status = unpolled.get(s);
                unpolled.delete(s);
                if (!status) {
                    status = await polled(s, backend, signal);
                    summary.polls++;
                    latest.set(s, status);
                }
                if (status.state !== 'ended')
                    continue;
                await collect(s, status, backend, needed, failures, out, summary, opts);
                open.delete(s);
                ended = true;
            }
            if (!open.size)
                break;
            if (ended || now() - lastLine >= opts.progressEveryMs) {
                opts.onProgress(progressLine(tally(name, tracked, latest), summary.polls));
                lastLine = now();
            }
            await (0,sleep/* sleep */.y)(delay, signal);
            delay = Math.min(opts.poll.maxMs, delay * 2);
        }
    }
    catch (err) {
        // Ctrl-C: what was read is in the cache, the rest stays pending for the next run.
        if (err instanceof errors/* LlmError */.Cf && err.kind === 'aborted')
            return summary;
        throw err;
    }
    if (signal?.aborted)
        return summary;
    for (const [key, error] of failures) {
        summary.failed++;
        if (error.retryable && summary.retriedOnline < opts.onlineRetries)
            summary.retriedOnline++;
        else
            out.errors.set(key, error);
    }
    opts.onProgress(doneLine(name, summary));
    return summary;
}
/**
 * A batch's status. One the provider no longer knows was deleted meanwhile (at
 * Anthropic a batch goes once read, by another run that resumed it too): it
 * counts as ended, and `collect` takes its answers from the cache that run
 * filled, or asks again what is not there.
 */
async function polled(stored, backend, signal) {
    try {
        return await backend.status(stored.batch.id, signal);
    }
    catch (err) {
        if (!(err instanceof errors/* LlmError */.Cf) || err.status !== 404)
            throw err;
        return { state: 'ended', providerStatus: 'deleted', counts: { total: stored.batch.keys.length, completed: 0, failed: 0 } };
    }
}
/**
 * The pending batches the provider still knows, with the status it gave: the
 * batch's first poll. One it answers 404 for (another key or project now, or
 * deleted on its side) is forgotten with a warning, and its requests are
 * submitted again; any other error ends the run as usual.
 */
async function known(stored, backend, opts) {
    const out = new Map();
    for (const s of stored) {
        try {
            out.set(s, await backend.status(s.batch.id, opts.signal));
        }
        catch (err) {
            if (!(err instanceof errors/* LlmError */.Cf) || err.status !== 404)
                throw err;
            opts.onProgress(`batch ${s.batch.provider}: the provider does not know pending batch ${s.batch.id} (another key or project?); forgetting it and submitting its requests again\n`);
            await opts.pending.remove(s);
        }
    }
    return out;
}
/** The keys in batches the provider takes: at most `maxRequests` each, and under `maxBytes` as sent. */
function chunks(keys, requests, backend) {
    const out = [];
    let current = [];
    let bytes = 0;
    for (const customId of keys) {
        const size = backend.itemBytes({ customId, request: requests.get(customId) });
        if (current.length && (current.length >= backend.maxRequests || bytes + size > backend.maxBytes)) {
            out.push(current);
            current = [];
            bytes = 0;
        }
        current.push(customId);
        bytes += size;
    }
    if (current.length)
        out.push(current);
    return out;
}
/**
 * Reads an ended batch: answers into the cache and `out`, failures apart; then
 * forgets the pending id and deletes what the batch left at the provider.
 */
async function collect(stored, status, backend, needed, failures, out, summary, opts) {
    const { batch } = stored;
    const seen = new Set();
    // Written as they are read, LOOKUPS at a time: one after the other, 10,000 entries took seconds.
    const writing = new Set();
    // Kept, not thrown from the pool: a second failing write must not become an unhandled rejection.
    let writeError;
    const answer = (key, response) => {
        if (needed.has(key) && !out.answers.has(key)) {
            out.answers.set(key, response);
            summary.answered++;
        }
    };
    let gone = false;
    try {
        for await (const outcome of backend.results(batch.id, opts.signal)) {
            if (writeError !== undefined)
                break;
            seen.add(outcome.customId);
            if ('error' in outcome) {
                if (needed.has(outcome.customId))
                    failures.set(outcome.customId, outcome.error);
                continue;
            }
            const response = { ...outcome.response, latencyMs: 0, batch: true };
            const write = opts.cache
                .put(outcome.customId, response)
                .catch((err) => void (writeError ??= err))
                .finally(() => writing.delete(write));
            writing.add(write);
            if (writing.size >= LOOKUPS)
                await Promise.race(writing);
            answer(outcome.customId, response);
        }
    }
    catch (err) {
        // The results are gone: a run that resumed the same batch read them first and deleted them, or the
        // provider no longer keeps them. What such a run read is in the cache; the rest is asked again.
        if (!(err instanceof errors/* LlmError */.Cf) || err.status !== 404)
            throw err;
        gone = true;
    }
    await Promise.all(writing);
    // The pending id stays: the next run reads the batch again.
    if (writeError !== undefined)
        throw writeError;
    if (gone) {
        const unseen = batch.keys.filter((key) => !seen.has(key) && needed.has(key));
        for (const [key, response] of await cachedAnswers(unseen, opts.cache)) {
            seen.add(key);
            answer(key, response);
        }
    }
    for (const key of batch.keys) {
        if (!seen.has(key) && needed.has(key))
            failures.set(key, gone ? resultsGone(batch.provider, batch.id) : unanswered(batch.provider, batch.id, status));
    }
    // Deleted while the id is still recorded, then forgotten: a run killed in between resumes the batch, finds
    // its results gone and takes the answers from the cache; the other order would leave the files unknown.
    for (const warning of (await backend.cleanUp?.(batch.id, opts.signal)) ?? [])
        opts.onProgress(`warning: batch ${batch.provider}: ${warning}\n`);
    await opts.pending.remove(stored);
}
function resultsGone(provider, id) {
    return new errors/* LlmError */.Cf(`${provider}: the results of batch ${id} were gone before this run read them (another run read them first, or the provider no longer keeps them)`, { kind: 'server', provider });
}
/** Why a request the batch does not mention has no answer, as the error kind the online path would give. */
function unanswered(provider, id, status) {
    const [kind, why] = status.ending === 'expired'
        ? ['timeout', 'expired before it answered this request (its completion window is 24 hours)']
        : status.ending === 'cancelled'
            ? ['server', 'was cancelled before it answered this request']
            : status.ending === 'refused'
                ? ['request', `was refused: ${status.detail ?? status.providerStatus}`]
                : ['bad-response', 'ended without a result for this request'];
    return new errors/* LlmError */.Cf(`${provider}: batch ${id} ${why}`, { kind, provider });
}
/** The requests of `requests` with no answer in the cache yet. */
async function notCached(requests, cache) {
    const hits = await cachedAnswers([...requests.keys()], cache);
    return new Map([...requests].filter(([key]) => !hits.has(key)));
}
/** The answers the cache holds for these keys, LOOKUPS at a time. */
async function cachedAnswers(keys, cache) {
    const found = new Map();
    for (let at = 0; at < keys.length; at += LOOKUPS) {
        const slice = keys.slice(at, at + LOOKUPS);
        const hits = await Promise.all(slice.map((key) => cache.get(key)));
        slice.forEach((key, i) => {
            const hit = hits[i];
            if (hit)
                found.set(key, hit);
        });
    }
    return found;
}
function tally(provider, tracked, latest) {
    let completed = 0;
    let failed = 0;
    for (const s of tracked) {
        completed += latest.get(s)?.counts.completed ?? 0;
        failed += latest.get(s)?.counts.failed ?? 0;
    }
    return { provider, batches: tracked.length, requests: tracked.reduce((n, s) => n + s.batch.keys.length, 0), completed, failed };
}


/***/ })

};
