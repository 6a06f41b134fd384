export const id = 689;
export const ids = [689,772];
export const modules = {

/***/ 689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanCommand: () => (/* binding */ scanCommand),
/* harmony export */   scanRepository: () => (/* binding */ scanRepository)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _scan_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7772);



/** The verdicts each `--fail-on` level fails on. */
const FAILING = {
    retired: ['retired'],
    retiring: ['retired', 'retiring'],
    unknown: ['retired', 'retiring', 'unknown'],
};
/** Every model id reference under `ctx.cwd` (or the given paths): read at the edge, judged by the pure scan core. */
async function scanRepository(ctx, paths = []) {
    const root = ctx.cwd;
    const relative = paths.map((p) => {
        const rel = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(root, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(root, p));
        if (rel.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(rel))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${p} is outside the folder being scanned (${root})`, 'pass paths inside it, or run with -C DIR');
        return rel === '' ? '.' : rel.split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
    });
    // git lists the files while the settings, the catalog and the finders load (the YAML parser only if a file needs it).
    const settings = __webpack_require__.e(/* import() */ 676).then(__webpack_require__.bind(__webpack_require__, 1676)).then(({ readScanSettings }) => readScanSettings(root));
    const finders = __webpack_require__.e(/* import() */ 855).then(__webpack_require__.bind(__webpack_require__, 7855));
    const day = ctx.now.toISOString().slice(0, 10);
    const references = [];
    // Files that need the full YAML parser while it loads wait here, and are scanned once it has.
    const waiting = [];
    const consumer = Promise.all([settings, finders]).then(([{ ids }, { scanText, ParserLoading }]) => (candidate) => {
        try {
            references.push(...scanText(candidate.file, candidate.text, ids, day));
        }
        catch (error) {
            if (!(error instanceof ParserLoading))
                throw error;
            waiting.push({ candidate, loaded: error.loaded });
            return error.loaded;
        }
    });
    const listed = (0,_scan_files_js__WEBPACK_IMPORTED_MODULE_2__.candidateFiles)({ root, paths: relative, settings: settings.then(({ ids, ignore }) => ({ additions: ids.additions, ignore })), consumer });
    const [{ ids, warning }, { considered }, { scanResult, scanText }] = await Promise.all([settings, listed, finders]);
    if (warning)
        ctx.stderr(`warning: ${warning}\n`);
    for (const { candidate, loaded } of waiting) {
        await loaded;
        references.push(...scanText(candidate.file, candidate.text, ids, day));
    }
    return scanResult(references, considered, day);
}
/** The renderer of a format, loaded only for that format. */
async function renderer(format) {
    if (format === 'json') {
        const { scanJson } = await __webpack_require__.e(/* import() */ 421).then(__webpack_require__.bind(__webpack_require__, 421));
        return (result) => `${JSON.stringify(scanJson(result), null, 2)}\n`;
    }
    if (format === 'sarif')
        return (await __webpack_require__.e(/* import() */ 142).then(__webpack_require__.bind(__webpack_require__, 8142))).renderScanSarif;
    if (format === 'markdown')
        return (await __webpack_require__.e(/* import() */ 597).then(__webpack_require__.bind(__webpack_require__, 3597))).renderScanMarkdown;
    return (await __webpack_require__.e(/* import() */ 71).then(__webpack_require__.bind(__webpack_require__, 6071))).renderScanText;
}
async function scanCommand(ctx, opts) {
    // The renderer loads while the files are read.
    const [render, result] = await Promise.all([renderer(opts.format), scanRepository(ctx, opts.paths)]);
    ctx.stdout(render(result, ctx.isTTY));
    const failing = opts.failOn ? FAILING[opts.failOn] : opts.exitCode ? FAILING.retiring : [];
    const fails = result.references.some((ref) => ref.kind !== 'docs' && failing.includes(ref.verdict));
    return { exitCode: fails ? _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.findings : _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.ok, data: result };
}


/***/ }),

/***/ 7772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  candidateFiles: () => (/* binding */ candidateFiles),
  prefilterPattern: () => (/* binding */ prefilterPattern),
  readText: () => (/* binding */ readText)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/scan/paths.ts
var scan_paths = __webpack_require__(4341);
;// CONCATENATED MODULE: ./src/scan/read-files.ts


/** How many files a thread takes at a time from the counter the threads share. */
const CHUNK = 256;
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK;
/**
 * A reader of one chunk of a listing at a time: the `files` (relative to root) from `from`
 * on that `keep` admits, keeping those whose bytes match `pattern` (read as latin1: one
 * byte, one character, no decoding). Synchronous, into one reused buffer: for tens of
 * thousands of small files several times faster than the promise API, whose per-file
 * trips through the thread pool cost more than the reads. Symlinks are not followed
 * (their target is scanned where it lives), FIFOs and devices are not waited on, and a
 * file over the size cap, a folder or a file gone since it was listed is passed over.
 */
function chunkReader(root, keep, pattern) {
    const buffer = Buffer.allocUnsafe(scan_paths/* MAX_FILE_BYTES */.gZ + 1);
    return (files, from) => {
        const candidates = [];
        let considered = 0;
        for (let i = from; i < files.length && i < from + CHUNK; i++) {
            const file = files[i];
            if (!keep(file))
                continue;
            const size = read(`${root}/${file}`, buffer);
            if (size === undefined)
                continue;
            considered++;
            if (pattern.test(buffer.toString('latin1', 0, size)))
                candidates.push({ file, text: buffer.toString('utf8', 0, size) });
        }
        return { candidates, considered };
    };
}
function read(full, buffer) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(full, OPEN_FLAGS);
    }
    catch {
        return undefined;
    }
    try {
        // One read: a regular file's short read is its end, and a full buffer means it is over the cap.
        const size = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, 0);
        return size > scan_paths/* MAX_FILE_BYTES */.gZ ? undefined : size;
    }
    catch {
        return undefined; // a folder (a submodule), a FIFO with no writer, unreadable: nothing to report in it
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/scan/read-thread.ts




/**
 * A worker thread that reads chunks of listings (read-worker.ts) while this thread reads and
 * scans its own. Each chunk it reads comes back on a port of its own, so that this thread,
 * busy in synchronous reading, can take them between its chunks (`receiveMessageOnPort`)
 * and scan them while the worker goes on reading; only "job done" comes as an event.
 */
class ReadingThread {
    #worker;
    #chunks;
    #failed;
    #done = new Map();
    #jobs = 0;
    /**
     * A thread when this machine has a second core and the worker exists as compiled
     * JavaScript next to this module; elsewhere (the bundled Action, tests run from source) none.
     */
    static start() {
        if ((0,external_node_os_.availableParallelism)() < 2)
            return undefined;
        const url = new URL(WORKER, import.meta.url);
        return url.protocol === 'file:' && (0,external_node_fs_.existsSync)((0,external_node_url_.fileURLToPath)(url)) ? new ReadingThread(url) : undefined;
    }
    constructor(url) {
        const { port1, port2 } = new external_node_worker_threads_.MessageChannel();
        this.#worker = new external_node_worker_threads_.Worker(url, { workerData: { chunks: port2 }, transferList: [port2] });
        this.#chunks = port1;
        this.#failed = new Promise((_, reject) => {
            this.#worker.once('error', reject);
            this.#worker.once('exit', (code) => reject(new Error(`the reading thread exited with ${code}`)));
        });
        this.#failed.catch(() => undefined); // each job's `finished` carries it to whoever waits
        this.#worker.on('message', (job) => this.#done.get(job)?.());
    }
    read(job) {
        const id = ++this.#jobs;
        const finished = Promise.race([new Promise((resolve) => this.#done.set(id, resolve)), this.#failed]);
        this.#worker.postMessage({ ...job, id });
        return {
            finished,
            received: () => {
                const chunks = [];
                for (let next = (0,external_node_worker_threads_.receiveMessageOnPort)(this.#chunks); next; next = (0,external_node_worker_threads_.receiveMessageOnPort)(this.#chunks))
                    chunks.push(next.message);
                return chunks;
            },
        };
    }
    close() {
        this.#chunks.close();
        void this.#worker.terminate();
    }
}
/** Named apart from `new URL(…)` so that bundlers leave it alone (the bundle reads on one thread). */
const WORKER = './read-worker.js';

;// CONCATENATED MODULE: ./src/scan/files.ts









/**
 * An extended regular expression (POSIX ERE, the same for `git grep -E` and JavaScript)
 * matching every line that could hold a model id: the providers' id shapes and the
 * workspace's own model names. Files without a match are never decoded or parsed.
 */
function prefilterPattern(additions) {
    const escaped = additions.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return ['gpt-[0-9]', 'chatgpt-[0-9]', 'claude-', '(^|[^A-Za-z0-9_])o[1-9]', ...escaped].join('|');
}
/**
 * Hands each file under root that may hold a model id, with its text, to the consumer, in no
 * particular order. In a git work tree, git lists the tracked files (from the index, at once)
 * and the untracked ones that `.gitignore` does not exclude (a walk, so it runs while the
 * tracked files are read); elsewhere the folder is walked with its `.gitignore` files applied.
 * Each file scan reads by name is read here in one pass and tested with one regular
 * expression over its raw bytes; only a match is decoded. Returns how many files were read.
 */
async function candidateFiles(opts) {
    const pathspecs = opts.paths.length ? opts.paths : ['.'];
    // Both at once: the walk for untracked files is the long one, and runs while the tracked files are read here.
    const listing = git(opts.root, ['ls-files', '-z', '--cached', '--', ...pathspecs]);
    const untracked = git(opts.root, ['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspecs]);
    for (const pending of [listing, untracked])
        pending.catch(() => undefined); // awaited below, once the settings are read
    // A second thread takes a while to start: for a whole work tree with a large index, it starts while git lists the files.
    let thread = !opts.paths.length && largeIndex(opts.root) ? ReadingThread.start() : undefined;
    try {
        const tracked = await listing;
        // git lists an unmerged path once per stage, next to each other; untracked files are never tracked ones.
        const files = tracked?.filter((file, i) => file !== tracked[i - 1]) ?? (await walk(opts.root, opts.paths));
        if (files.length >= PARALLEL_FROM)
            thread ??= ReadingThread.start();
        const { additions, ignore } = await opts.settings;
        const reading = { root: opts.root, ignore, keep: await (0,scan_paths/* listedFileFilter */.y4)(ignore), pattern: prefilter(additions), consumer: opts.consumer };
        let considered = await readFiles(reading, files, thread);
        const more = tracked ? ((await untracked) ?? []) : [];
        if (more.length >= PARALLEL_FROM)
            thread ??= ReadingThread.start();
        considered += await readFiles(reading, more, more.length >= PARALLEL_FROM ? thread : undefined);
        return { considered };
    }
    finally {
        thread?.close();
    }
}
/**
 * The pre-filter as a regular expression over a file's bytes read as latin1 (one byte, one
 * character: no decoding, and no match lost to invalid UTF-8). Workspace ids are written as
 * their UTF-8 bytes the same way.
 */
function prefilter(additions) {
    return new RegExp(prefilterPattern(additions.map((id) => Buffer.from(id, 'utf8').toString('latin1'))), 'm');
}
/** Below this many files a second thread costs more to start than it saves. */
const PARALLEL_FROM = 4000;
/**
 * Whether root's git index lists about PARALLEL_FROM files or more (an entry takes about 100
 * bytes). Only where root is the top of a work tree with a `.git` folder; elsewhere the
 * listing decides, once it is there.
 */
function largeIndex(root) {
    try {
        return (0,external_node_fs_.statSync)(external_node_path_default().join(root, '.git', 'index')).size >= PARALLEL_FROM * 100;
    }
    catch {
        return false;
    }
}
/**
 * Reads the listed files and hands the candidates to the consumer. With a second thread,
 * both take chunks from one shared counter, and this one scans, between its own chunks,
 * what it read and what the other thread has sent so far: the scanning is spread over the
 * reading, and a thread busy scanning simply reads fewer chunks. Until the consumer's
 * modules have loaded, this thread gives the event loop (which loads them) a turn after
 * each chunk, and keeps the candidates. A thread that fails has the chunks it did not send
 * back read here.
 */
async function readFiles({ root, ignore, keep, pattern, consumer }, files, thread) {
    const read = chunkReader(root, keep, pattern);
    const unread = new Set();
    for (let from = 0; from < files.length; from += CHUNK)
        unread.add(from);
    let considered = 0;
    let consume;
    consumer.then((ready) => (consume = ready)).catch(() => undefined); // its failure is thrown below
    let loading;
    const kept = [];
    const take = ({ from, candidates, ...counts }) => {
        unread.delete(from);
        considered += counts.considered;
        if (!consume) {
            kept.push(...candidates);
            return;
        }
        for (const candidate of candidates) {
            const wait = consume(candidate);
            if (wait && !loading) {
                const done = () => (loading = undefined);
                loading = wait.then(done, done);
            }
        }
    };
    let theirs;
    let next;
    if (thread) {
        const counter = new Int32Array(new SharedArrayBuffer(4));
        counter[0] = CHUNK;
        theirs = thread.read({ root, files, ignore, pattern: pattern.source, counter: counter.buffer });
        next = () => Atomics.add(counter, 0, CHUNK);
    }
    else {
        let at = -CHUNK;
        next = () => (at += CHUNK);
    }
    for (let from = next(); from < files.length; from = next()) {
        take({ from, ...read(files, from) });
        for (const chunk of theirs?.received() ?? [])
            take(chunk);
        if (!consume || loading)
            await (0,external_node_timers_promises_.setImmediate)();
    }
    if (theirs) {
        const finished = await theirs.finished.then(() => true, () => false);
        for (const chunk of theirs.received())
            take(chunk);
        if (!finished)
            for (const from of [...unread])
                take({ from, ...read(files, from) });
    }
    const ready = await consumer;
    for (const candidate of kept)
        ready(candidate);
    return considered;
}
/** Runs git for a NUL-separated list of paths; undefined when root is not in a git work tree (or git is missing). */
function git(root, args) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
            const code = error?.code;
            if (!error)
                return resolve(stdout.split('\0').filter(Boolean));
            if (code === 'ENOENT' || (code === 128 && /not a git repository/i.test(stderr)))
                return resolve(undefined);
            reject(new errors/* ExternalError */.yA(`git ${args[0]} failed in ${root}: ${stderr.trim() || String(error)}`, { cause: error }));
        });
    });
}
/** Reads a candidate as UTF-8 text, or undefined when it is gone, too large or not a regular file. */
function readText(root, file) {
    const full = external_node_path_default().join(root, file);
    try {
        const info = (0,external_node_fs_.statSync)(full);
        if (!info.isFile() || info.size > scan_paths/* MAX_FILE_BYTES */.gZ)
            return undefined;
        return (0,external_node_fs_.readFileSync)(full, 'utf8');
    }
    catch {
        return undefined; // deleted or unreadable since it was listed: nothing to report in it
    }
}
/** A folder walk applying `.gitignore` files (the usual subset: globs, `/` anchors, trailing `/`, `!`). */
async function walk(root, paths) {
    const out = [];
    const visit = async (dir, rules) => {
        const entries = await (0,promises_.readdir)(external_node_path_default().join(root, dir), { withFileTypes: true }).catch((error) => {
            if (dir === '')
                throw new errors/* ExternalError */.yA(`cannot read ${root}`, { cause: error });
            return [];
        });
        const own = entries.some((e) => e.name === '.gitignore') ? [...rules, ...(await gitignoreRules(root, dir))] : rules;
        for (const entry of entries) {
            const rel = dir ? `${dir}/${entry.name}` : entry.name;
            const isDir = entry.isDirectory();
            if (isIgnored(own, rel, isDir))
                continue;
            if (isDir) {
                if (!(0,scan_paths/* skippedPath */.eY)(`${rel}/x`))
                    await visit(rel, own);
            }
            else if (entry.isFile())
                out.push(rel);
        }
    };
    if (!paths.length)
        await visit('', []);
    for (const p of paths) {
        const rel = p.split((external_node_path_default()).sep).join('/').replace(/^\.\/?/, '').replace(/\/$/, '');
        const info = await (0,promises_.stat)(external_node_path_default().join(root, rel)).catch(() => undefined);
        if (!info)
            throw new errors/* ExternalError */.yA(`${p} does not exist under ${root}`);
        if (info.isFile())
            out.push(rel);
        else
            await visit(rel, []);
    }
    return out;
}
async function gitignoreRules(root, dir) {
    const text = await (0,promises_.readFile)(external_node_path_default().join(root, dir, '.gitignore'), 'utf8').catch(() => '');
    const { default: picomatch } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4006, 23));
    const rules = [];
    for (const raw of text.split(/\r?\n/)) {
        let line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const negate = line.startsWith('!');
        if (negate)
            line = line.slice(1);
        const dirOnly = line.endsWith('/');
        if (dirOnly)
            line = line.slice(0, -1);
        const anchored = line.includes('/');
        const glob = anchored ? line.replace(/^\//, '') : `**/${line}`;
        rules.push({ base: dir, test: picomatch(glob, { dot: true }), negate, dirOnly });
    }
    return rules;
}
function isIgnored(rules, rel, isDir) {
    let ignored = false;
    for (const rule of rules) {
        if (rule.dirOnly && !isDir)
            continue;
        const local = rule.base ? (rel.startsWith(`${rule.base}/`) ? rel.slice(rule.base.length + 1) : undefined) : rel;
        if (local !== undefined && rule.test(local))
            ignored = !rule.negate;
    }
    return ignored;
}


/***/ }),

/***/ 9196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ fileKind)
/* harmony export */ });
const BY_EXTENSION = new Map(Object.entries({
    py: 'python', ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
    js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
    go: 'go', java: 'java', kt: 'kotlin', kts: 'kotlin', rb: 'ruby', cs: 'csharp',
    yaml: 'yaml', yml: 'yaml', json: 'json', toml: 'toml', prompty: 'prompty', prompt: 'dotprompt',
    md: 'markdown', mdx: 'markdown', rst: 'text', txt: 'text', adoc: 'text',
}));
/** `Dockerfile`, `Dockerfile.dev`, `api.Dockerfile`, `Containerfile` (Podman's name for the same format); a known extension wins (`Dockerfile.md`). */
const DOCKERFILE = /^(?:(?:dockerfile|containerfile)(?:\.[^/]+)?|[^/]+\.dockerfile)$/i;
/**
 * The kind of a file by its name, or undefined for files no finder reads. Kept apart
 * from the finders so listing files does not load the YAML parser.
 */
function fileKind(file) {
    // Index arithmetic rather than slicing the name: this runs for every file of the repository.
    const name = file.lastIndexOf('/') + 1;
    if (file.endsWith('.env') || (file.startsWith('.env.', name) && file.length > name + 5))
        return 'dotenv';
    const dot = file.lastIndexOf('.');
    const ext = dot > name ? file.slice(dot + 1) : '';
    const kind = BY_EXTENSION.get(ext) ?? BY_EXTENSION.get(ext.toLowerCase());
    if (kind)
        return kind;
    return DOCKERFILE.test(file.slice(name)) ? 'dockerfile' : undefined;
}


/***/ }),

/***/ 4341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eY: () => (/* binding */ skippedPath),
/* harmony export */   gZ: () => (/* binding */ MAX_FILE_BYTES),
/* harmony export */   kz: () => (/* binding */ skippedContent),
/* harmony export */   y4: () => (/* binding */ listedFileFilter)
/* harmony export */ });
/* harmony import */ var _finders_kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9196);

/** Folders of other people's or generated code: references there are not the repository's to change. */
const SKIPPED_DIRS = new Set([
    '.git', 'node_modules', 'vendor', 'third_party', 'third-party', 'bower_components', 'Pods', '.venv', 'venv', 'site-packages',
    '__pycache__', 'dist', 'build', 'out', 'target', '.next', '.nuxt', '.svelte-kit', 'coverage', '.terraform', '.gradle', 'generated', '__generated__', '.cache',
]);
/** Any of those folders as a path segment (one expression: it runs for every listed file). */
const SKIPPED_DIR = new RegExp(`(?:^|/)(?:${[...SKIPPED_DIRS].map((d) => d.replace(/[.]/g, '\\.')).join('|')})/`);
/**
 * Lock files and generated sources hold ids that no person writes. Matched from the
 * start of the file's name only (sticky), so a path costs one attempt, not one per character.
 */
const SKIPPED_NAME = /(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|Gemfile\.lock|composer\.lock|go\.sum|[^/]*(?:\.lock|\.min\.(?:js|css)|\.map|_pb2\.py|\.pb\.go|\.g\.cs|\.designer\.cs|\.generated\.[a-z]+))$/iy;
/** Files over this size are skipped: generated data, not code a person maintains (DESIGN §7 uses the same cap). */
const MAX_FILE_BYTES = 1024 * 1024;
/** Whether a path (relative, with `/`) is outside what scan reads, before the file is opened. */
function skippedPath(file) {
    return skippedName(file) || SKIPPED_DIR.test(file);
}
function skippedName(file) {
    SKIPPED_NAME.lastIndex = file.lastIndexOf('/') + 1;
    return SKIPPED_NAME.test(file);
}
/** Content that says it is generated or binary. */
function skippedContent(text) {
    const head = text.slice(0, 8000);
    return head.includes('\0') || /^\/\/ Code generated .* DO NOT EDIT\.$/m.test(head.slice(0, 2000)) || /@generated\b/.test(head.slice(0, 500));
}
/**
 * Whether a listed file is one scan reads at all (by name and `spec.ignore`), before it is
 * opened. Each reading thread builds its own (it keeps state, and a function cannot be sent
 * to a thread), so the listing is judged by the threads that read it, not first in full on one.
 */
async function listedFileFilter(ignore) {
    const ignored = ignore.length ? (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4006, 23))).default([...ignore], { dot: true }) : () => false;
    // A glob naming a folder (`legacy`, `legacy/**`) leaves out all below it, as the workspace walk (discover.ts) prunes it.
    const folders = ignore.map((glob) => `${glob.replace(/\/?\*\*$/, '')}/`);
    const scannable = scannableInListing();
    return (file) => scannable(file) && !ignored(file) && !folders.some((folder) => file.startsWith(folder));
}
/**
 * Whether a file is one scan reads by name; for a listing sorted as git lists it, where files
 * of one folder come together, so the folder is judged once for all of them.
 */
function scannableInListing() {
    let dir = '\0';
    let dirSkipped = false;
    return (file) => {
        if ((0,_finders_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .fileKind */ .h)(file) === undefined || skippedName(file))
            return false;
        const slash = file.lastIndexOf('/') + 1;
        if (slash !== dir.length || !file.startsWith(dir)) {
            dir = file.slice(0, slash);
            dirSkipped = SKIPPED_DIR.test(dir);
        }
        return !dirSkipped;
    };
}


/***/ })

};
