export const id = 119;
export const ids = [119];
export const modules = {

/***/ 4119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jsonLines: () => (/* binding */ jsonLines),
/* harmony export */   readJsonlCases: () => (/* binding */ readJsonlCases)
/* harmony export */ });
/* harmony import */ var _schema_eval_suite_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7112);
/* harmony import */ var _workspace_schema_findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1493);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1696);



/** Lines of a JSONL file that hold something, with their 1-based numbers. */
function jsonLines(text) {
    return text
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .map((t, i) => ({ line: i + 1, text: t }))
        .filter((l) => l.text.trim() !== '');
}
/**
 * Cases from JSONL: one `{name?, input | messages, assert?, tags?}` object a
 * line. A case without a name is named after its file and line.
 */
function readJsonlCases(file, text) {
    const out = { cases: [], findings: [] };
    const base = file.split('/').pop();
    for (const { line, text: json } of jsonLines(text)) {
        let row;
        try {
            row = JSON.parse(json);
        }
        catch (error) {
            out.findings.push((0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .fileFinding */ .s)(file, line, 1, '', `not valid JSON (${error.message}); write one JSON object per line`));
            continue;
        }
        if (typeof row !== 'object' || row === null || Array.isArray(row)) {
            out.findings.push((0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .fileFinding */ .s)(file, line, 1, '', 'each line must be a JSON object like {"input": "…", "assert": […]}'));
            continue;
        }
        const data = { name: `${base}:${line}`, ...row };
        const parsed = _schema_eval_suite_js__WEBPACK_IMPORTED_MODULE_0__/* .EvalCase */ .jy.safeParse(data);
        if (!parsed.success) {
            out.findings.push(...(0,_workspace_schema_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .issueFindings */ .s)(parsed.error.issues, _schema_eval_suite_js__WEBPACK_IMPORTED_MODULE_0__/* .EvalCase */ .jy, data, (path, message) => (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .fileFinding */ .s)(file, line, 1, path, message), _types_js__WEBPACK_IMPORTED_MODULE_2__/* .CASE_FILE_HINT */ .g));
            continue;
        }
        out.cases.push({ case: parsed.data, line });
    }
    return out;
}


/***/ })

};
