export const id = 597;
export const ids = [597,421];
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

/***/ 3597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderScanMarkdown: () => (/* binding */ renderScanMarkdown)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7789);
/* harmony import */ var _scan_common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(421);


/** For job summaries and issues: a table per model, retired and retiring first. */
function renderScanMarkdown(result) {
    const out = [`**${(0,_scan_common_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryLine */ .dC)(result)}**`, ''];
    for (const group of (0,_scan_common_js__WEBPACK_IMPORTED_MODULE_0__/* .groupByModel */ .EY)(result)) {
        out.push(`### \`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(group.model)}\` (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(group.provider)}) — ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_scan_common_js__WEBPACK_IMPORTED_MODULE_0__/* .verdictText */ .nt)(group.head))}`, '');
        out.push('| Where | Id as written | Kind | Rewritable |', '|---|---|---|---|');
        for (const ref of group.references) {
            out.push(`| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(`${ref.file}:${ref.line}:${ref.column}`)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(ref.model)} | ${ref.kind} (${ref.place}) | ${ref.rewritable ? 'yes' : 'no'} |`);
        }
        out.push('');
    }
    return `${out.join('\n')}\n`;
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
