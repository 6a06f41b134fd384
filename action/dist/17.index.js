export const id = 17;
export const ids = [17];
export const modules = {

/***/ 9017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planReferences: () => (/* binding */ planReferences)
/* harmony export */ });
/* harmony import */ var _edit_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8363);
/* harmony import */ var _plan_glob_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6145);
/* harmony import */ var _render_unified_diff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2391);



/** Docs are only rewritten when the rule asks for them. */
const DEFAULT_KINDS = ['call-site', 'config', 'env'];
/**
 * Which references a migration rewrites and how: exactly the id's bytes become the
 * destination id — inside the string literal in code, through the YAML edit engine in
 * YAML (verified by re-reading), as a splice in other files. Pure.
 */
function planReferences(input) {
    const onSource = input.references.filter((r) => r.place !== 'modelshift' && (0,_plan_glob_js__WEBPACK_IMPORTED_MODULE_1__/* .globMatch */ .e)(r.model, input.from));
    const kinds = input.rule?.kinds ?? DEFAULT_KINDS;
    const covered = input.rule ? onSource.filter((r) => kinds.includes(r.kind) && included(r.file, input.rule)) : [];
    const warnings = [];
    const rewrite = [];
    for (const ref of covered) {
        const why = refusal(ref, input);
        if (why)
            warnings.push({ file: ref.file, line: ref.line, column: ref.column, message: `${ref.model} is not rewritten: ${why}` });
        else if (ref.model !== input.to)
            rewrite.push(ref);
    }
    const { files, errors, changes } = rewriteFiles(rewrite, input);
    const diff = Object.entries(files)
        .map(([file, text]) => (0,_render_unified_diff_js__WEBPACK_IMPORTED_MODULE_2__/* .unifiedDiff */ .W)(file, file, input.texts.get(file), text))
        .join('');
    return { configured: input.rule !== undefined, changes, warnings, errors, outside: onSource.length, notCovered: onSource.length - changes.length, diff, files };
}
function included(file, rule) {
    if (rule.include && !rule.include.some((glob) => (0,_plan_glob_js__WEBPACK_IMPORTED_MODULE_1__/* .globMatch */ .e)(file, glob)))
        return false;
    return !rule.exclude?.some((glob) => (0,_plan_glob_js__WEBPACK_IMPORTED_MODULE_1__/* .globMatch */ .e)(file, glob));
}
/** Why a covered reference is left alone (and named), or undefined when it is rewritten. */
function refusal(ref, input) {
    if (ref.rewrite.via === 'none')
        return `${ref.rewrite.reason}; change it by hand`;
    if (ref.prefixed && input.providerChanges)
        return 'it carries a provider prefix that names the old provider; change it by hand';
    const refused = input.destination ? (ref.params ?? []).filter((p) => refuses(input.destination, p)) : [];
    if (refused.length) {
        return `the call passes ${refused.join(', ')}, which ${input.to} refuses; change the call by hand (or adapt its parameters) and run the plan again`;
    }
    return undefined;
}
/** Whether a destination model refuses a request parameter (the catalog's parameter facts). */
function refuses(entry, param) {
    const facts = entry.params;
    if (param === 'temperature')
        return facts.temperature === false;
    if (param === 'top_p')
        return !facts.topP;
    if (param === 'reasoning_effort')
        return !facts.reasoningEffort;
    if (param === 'max_tokens' || param === 'max_completion_tokens') {
        const accepted = entry.provider === 'openai' && facts.tokenLimit === 'max_tokens' ? ['max_tokens', 'max_completion_tokens'] : [facts.tokenLimit];
        return !accepted.includes(param);
    }
    return facts.refused?.includes(param) ?? false;
}
function rewriteFiles(refs, input) {
    const byFile = new Map();
    for (const ref of refs)
        byFile.set(ref.file, [...(byFile.get(ref.file) ?? []), ref]);
    const files = {};
    const errors = [];
    const changes = [];
    for (const [file, inFile] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
        const source = input.texts.get(file);
        try {
            // Splices first, from the end, on the original offsets; YAML edits find their values by path afterwards.
            let text = source;
            for (const ref of inFile.filter((r) => r.rewrite.via === 'text').sort((a, b) => b.start - a.start)) {
                if (text.slice(ref.start, ref.end) !== ref.model)
                    throw new _edit_index_js__WEBPACK_IMPORTED_MODULE_0__/* .EditError */ .F(`${ref.model} is no longer where scan found it`, ref.line, ref.column, 'verify');
                text = text.slice(0, ref.start) + input.to + text.slice(ref.end);
            }
            const edits = [];
            for (const ref of inFile) {
                if (ref.rewrite.via !== 'yaml')
                    continue;
                const { doc, path, value, valueOffset } = ref.rewrite;
                const after = value.slice(0, valueOffset) + input.to + value.slice(valueOffset + ref.model.length);
                edits.push({ doc, ops: [{ op: 'set', path, value: after }] });
            }
            if (edits.length)
                text = (0,_edit_index_js__WEBPACK_IMPORTED_MODULE_0__/* .editYaml */ .a)(text, edits);
            files[file] = text;
            changes.push(...inFile.map((r) => ({ file, line: r.line, column: r.column, kind: r.kind, place: r.place, before: r.model, after: input.to })));
        }
        catch (error) {
            if (!(error instanceof _edit_index_js__WEBPACK_IMPORTED_MODULE_0__/* .EditError */ .F))
                throw error;
            errors.push({ file, line: error.line, column: error.column, message: `${file} cannot be rewritten safely: ${error.message}` });
        }
    }
    changes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    return { files, errors, changes };
}


/***/ })

};
