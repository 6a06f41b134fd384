export const id = 142;
export const ids = [142,421];
export const modules = {

/***/ 421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ groupByModel),
/* harmony export */   dC: () => (/* binding */ summaryLine),
/* harmony export */   nt: () => (/* binding */ verdictText),
/* harmony export */   scanJson: () => (/* binding */ scanJson)
/* harmony export */ });
/* harmony import */ var _scan_classify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(979);

/** References grouped by the model they name (snapshots under their catalog id), retired and retiring first. */
function groupByModel(result) {
    const groups = new Map();
    for (const ref of result.references) {
        const key = `${ref.catalogId ?? ref.model}`;
        const group = groups.get(key) ?? { model: key, provider: ref.provider, head: ref, references: [] };
        group.references.push(ref);
        groups.set(key, group);
    }
    return [...groups.values()].sort((a, b) => _scan_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .VERDICTS */ .bk.indexOf(a.head.verdict) - _scan_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .VERDICTS */ .bk.indexOf(b.head.verdict) || a.model.localeCompare(b.model));
}
/** `retires 2027-01-14 (in 44 days) → gpt-5.1`, `retired 2025-10-22 → …`, `current`, `not in the catalog`. */
function verdictText(ref) {
    const successor = ref.successor ? ` → ${ref.successor}` : '';
    if (ref.verdict === 'retired')
        return `retired on ${ref.retires}${successor}`;
    if (ref.verdict === 'retiring')
        return `retires on ${ref.retires} in ${ref.retiresInDays} days${successor}`;
    if (ref.verdict === 'unknown')
        return 'unknown (not in the catalog)';
    return ref.retires ? `current (retires on ${ref.retires}${successor})` : 'current';
}
function summaryLine(result) {
    const n = result.summary;
    const counts = _scan_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .VERDICTS */ .bk.filter((v) => n.verdicts[v]).map((v) => `${n.verdicts[v]} ${v}`);
    const files = new Set(result.references.map((r) => r.file)).size;
    return `${n.references} reference${n.references === 1 ? '' : 's'} to model ids in ${files} file${files === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}.`;
}
/** The stable JSON shape of `scan --format json` (issue 12): internal offsets and edit targets left out. */
function scanJson(result) {
    return {
        references: result.references.map((r) => ({
            file: r.file, line: r.line, column: r.column, endColumn: r.endColumn,
            model: r.model, provider: r.provider, kind: r.kind, place: r.place,
            verdict: r.verdict, retires: r.retires ?? null, successor: r.successor ?? null, rewritable: r.rewritable,
        })),
        summary: result.summary,
    };
}


/***/ }),

/***/ 8142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderScanSarif: () => (/* binding */ renderScanSarif)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test; a constant so the bundled Action needs no package.json. */
const VERSION = '0.1.0';

// EXTERNAL MODULE: ./src/render/scan-common.ts
var scan_common = __webpack_require__(421);
;// CONCATENATED MODULE: ./src/render/scan-sarif.ts



/** One code-scanning rule per verdict, so alerts can be filtered and dismissed by verdict. */
const RULES = {
    retired: { id: 'model-retired', name: 'ModelRetired', level: 'error', short: 'Model id the provider has retired', help: 'Requests to this model fail. Move the reference to its successor, e.g. with a modelshift Migration that lists it under spec.references.' },
    retiring: { id: 'model-retiring', name: 'ModelRetiring', level: 'warning', short: 'Model id that retires within 90 days', help: 'The provider retires this model soon. Plan the move to its successor; a modelshift Migration with spec.references rewrites the reference in the same PR as the agents.' },
    unknown: { id: 'model-unknown', name: 'ModelUnknown', level: 'note', short: 'Model id not in the modelshift catalog', help: 'modelshift does not know this model, so its retirement is not tracked. Describe it under spec.catalog.models in modelshift.yaml if it is private or new.' },
    current: { id: 'model-current', name: 'ModelCurrent', level: 'note', short: 'Model id in use (inventory)', help: 'A current model. Listed so the inventory of model ids is complete; no action needed.' },
};
const ORDER = ['retired', 'retiring', 'unknown', 'current'];
/**
 * SARIF 2.1.0 for `github/codeql-action/upload-sarif`: a result per reference at its
 * region. The fingerprint hashes what the reference is (file, model, kind, the line's
 * text and its occurrence among equal lines), not its line number, so alerts survive
 * edits elsewhere in the file instead of closing and reopening.
 */
function renderScanSarif(result) {
    const seen = new Map();
    const results = result.references.map((ref) => {
        const rule = RULES[ref.verdict];
        const identity = [ref.file, ref.model, ref.kind, ref.lineText].join('\0');
        const occurrence = seen.get(identity) ?? 0;
        seen.set(identity, occurrence + 1);
        return {
            ruleId: rule.id,
            ruleIndex: ORDER.indexOf(ref.verdict),
            // Prose mentions are inventory, never alarms.
            level: ref.kind === 'docs' ? 'note' : rule.level,
            message: { text: message(ref) },
            locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: encodeURI(ref.file), uriBaseId: '%SRCROOT%' },
                        region: { startLine: ref.line, startColumn: ref.column, endLine: ref.line, endColumn: ref.endColumn },
                    },
                }],
            partialFingerprints: { 'modelshiftReference/v1': (0,external_node_crypto_.createHash)('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32) },
            properties: { model: ref.model, provider: ref.provider, kind: ref.kind, place: ref.place, rewritable: ref.rewritable },
        };
    });
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
                tool: {
                    driver: {
                        name: 'modelshift',
                        version: VERSION,
                        informationUri: 'https://github.com/modelshift/modelshift',
                        rules: ORDER.map((verdict) => {
                            const rule = RULES[verdict];
                            return {
                                id: rule.id, name: rule.name,
                                shortDescription: { text: rule.short },
                                fullDescription: { text: rule.help },
                                help: { text: rule.help },
                                defaultConfiguration: { level: rule.level },
                                properties: { tags: ['llm', 'model-lifecycle'] },
                            };
                        }),
                    },
                },
                columnKind: 'utf16CodeUnits',
                results,
            }],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
function message(ref) {
    const where = ref.kind === 'docs' ? 'mentioned' : ref.kind === 'call-site' ? 'called' : 'configured';
    return `${ref.model} (${ref.provider}) is ${where} here: ${(0,scan_common/* verdictText */.nt)(ref)}.`;
}


/***/ }),

/***/ 979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   bk: () => (/* binding */ VERDICTS)
/* harmony export */ });
/* unused harmony exports verdictOf, lineStarts */
/* harmony import */ var _catalog_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(609);
/* harmony import */ var _line_col_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5926);


const VERDICTS = ['retired', 'retiring', 'unknown', 'current'];
/** The catalog's verdict on an id, as validate gives it for agents (DESIGN §7: retiring = within 90 days). */
function verdictOf(model, ids, today) {
    const entry = ids.lookup(model);
    if (!entry)
        return { verdict: 'unknown' };
    const base = { catalogId: entry.id, ...(entry.successor ? { successor: entry.successor } : {}) };
    if (!entry.retires)
        return { verdict: 'current', ...base };
    const days = (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .daysUntil */ .AQ)(entry.retires, today);
    const verdict = days <= 0 ? 'retired' : days <= _catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RETIRING_SOON_DAYS */ .BY ? 'retiring' : 'current';
    return { verdict, ...base, retires: entry.retires, retiresInDays: days };
}
/** Offsets of each line's start, for turning offsets into line:column. */
function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
/** Marks a line whose references are silenced, in any comment style (`# …`, `// …`, `<!-- … -->`). */
const IGNORE = /modelshift:\s*ignore\b/;
/**
 * Finder results → references with position and verdict. Pure. References on a line
 * carrying `modelshift: ignore` are dropped, and a token two finders saw is kept once.
 */
function classify(file, text, place, found, ids, today) {
    if (!found.length)
        return [];
    const starts = lineStarts(text);
    const seen = new Set();
    const refs = [];
    for (const f of [...found].sort((a, b) => a.start - b.start)) {
        if (seen.has(f.start))
            continue;
        seen.add(f.start);
        const [line, column] = (0,_line_col_js__WEBPACK_IMPORTED_MODULE_1__/* .lineCol */ .x)(starts, f.start);
        const lineText = text.slice(starts[line - 1], (starts[line] ?? text.length + 1) - 1).replace(/\r$/, '');
        if (IGNORE.test(lineText))
            continue;
        refs.push({
            file, line, column, endColumn: column + (f.end - f.start),
            model: f.id.model, provider: f.id.prefixProvider && !['openai', 'anthropic'].includes(f.id.prefixProvider) ? f.id.prefixProvider : ids.provider(f.id),
            kind: f.kind, place,
            ...verdictOf(f.id.model, ids, today),
            rewritable: f.rewrite.via !== 'none', prefixed: f.id.offset > 0,
            start: f.start, end: f.end, rewrite: f.rewrite, ...(f.params ? { params: f.params } : {}),
            lineText: lineText.trim(),
        });
    }
    return refs;
}


/***/ })

};
