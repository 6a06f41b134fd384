export const id = 411;
export const ids = [411];
export const modules = {

/***/ 4411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PendingBatch: () => (/* binding */ PendingBatch),
/* harmony export */   PendingStore: () => (/* binding */ PendingStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8816);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _fs_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6790);
/* harmony import */ var _schema_provider_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6010);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6972);








/** A batch submitted and not yet read back: what a re-run needs to resume it instead of submitting again. */
const PendingBatch = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz(1),
    /** The provider's `metadata.name`, and the connection it was sent through. */
    provider: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    providerType: _schema_provider_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderType */ .cp,
    baseURL: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    id: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1),
    submittedAt: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    /** The eval cache keys of its requests (also their `custom_id`s). */
    keys: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()),
});
/**
 * Pending batch ids in `<cacheDir>/batches/<provider>-<hash of its keys>.json`.
 * Each file is written to a temporary name and renamed, so a run killed at
 * any moment leaves a whole file or none.
 */
class PendingStore {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    /** Every readable pending batch; a damaged file is skipped (its batch is then submitted again). */
    async list() {
        let names;
        try {
            names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(this.dir);
        }
        catch (err) {
            if ((0,_fs_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .isNotFound */ .c)(err))
                return [];
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ExternalError */ .yA(`cannot read the pending batches in ${this.dir}`, { cause: err, hint: 'check the permissions of spec.eval.cacheDir' });
        }
        const stored = [];
        for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, name);
            const parsed = PendingBatch.safeParse(safeJson(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8').catch(() => '')));
            if (parsed.success)
                stored.push({ file, batch: parsed.data });
        }
        return stored;
    }
    async save(batch) {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(batch.keys.join('\n')).digest('hex').slice(0, 16);
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `${batch.provider}-${hash}.json`);
        const tmp = `${file}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(this.dir, { recursive: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(tmp, `${JSON.stringify(batch, null, 2)}\n`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, file);
        }
        catch (err) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true }).catch(() => undefined);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ExternalError */ .yA(`cannot record batch ${batch.id} in ${this.dir}; it runs at the provider, but a re-run cannot resume it`, {
                cause: err,
                hint: 'check the free space and permissions of spec.eval.cacheDir',
            });
        }
        return { file, batch };
    }
    async remove(stored) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(stored.file, { force: true });
    }
    /**
     * Holds `<provider>.lock` while a run decides what to submit and records
     * it, so a second run at the same time resumes the first one's batch
     * instead of submitting the same requests again. Waits while a live process
     * holds it; a lock whose process is gone (killed) is taken over.
     */
    async lock(provider, signal) {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `${provider}.lock`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(this.dir, { recursive: true });
        // Written whole under a name of its own, then linked into place: the lock never exists without its pid.
        const mine = `${file}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(mine, String(process.pid));
        for (;;) {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(mine, file);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(mine, { force: true });
                return () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
            }
            catch (err) {
                if (!(typeof err === 'object' && err !== null && 'code' in err && err.code === 'EEXIST')) {
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(mine, { force: true });
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ExternalError */ .yA(`cannot lock the pending batches in ${this.dir}`, { cause: err, hint: 'check the permissions of spec.eval.cacheDir' });
                }
            }
            const holder = Number(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8').catch(() => ''));
            if (!alive(holder)) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
                continue;
            }
            if (signal?.aborted) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(mine, { force: true });
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ExternalError */ .yA(`stopped while waiting for process ${holder} to finish submitting batches`);
            }
            await (0,_sleep_js__WEBPACK_IMPORTED_MODULE_7__/* .sleep */ .y)(LOCK_POLL_MS, signal);
        }
    }
}
const LOCK_POLL_MS = 200;
/** Whether a process of this id runs. */
function alive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        // EPERM: it runs under another user.
        return typeof err === 'object' && err !== null && 'code' in err && err.code === 'EPERM';
    }
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}


/***/ })

};
