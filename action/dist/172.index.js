export const id = 172;
export const ids = [172];
export const modules = {

/***/ 1172:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readCsvCases: () => (/* binding */ readCsvCases)
});

// EXTERNAL MODULE: ./src/schema/eval-suite.ts
var eval_suite = __webpack_require__(7112);
;// CONCATENATED MODULE: ./src/cases/csv.ts
/**
 * RFC 4180 CSV: comma-separated, fields in double quotes may hold commas,
 * newlines and doubled quotes (""). CRLF or LF line ends; a BOM is ignored;
 * blank lines are skipped.
 */
function parseCsv(text) {
    const rows = [];
    let row = [];
    let i = text.startsWith('\uFEFF') ? 1 : 0;
    let line = 1;
    let lineStart = i;
    const endRow = () => {
        if (!(row.length === 1 && row[0].value === ''))
            rows.push(row);
        row = [];
    };
    while (i <= text.length) {
        const cell = { value: '', line, column: i - lineStart + 1 };
        if (text[i] === '"') {
            const open = { line, column: cell.column };
            i++;
            let value = '';
            for (;;) {
                if (i >= text.length)
                    return { rows, error: { ...open, message: 'a quoted field is never closed; add the closing "' } };
                const c = text[i];
                if (c === '"') {
                    if (text[i + 1] === '"') {
                        value += '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (c === '\n') {
                    line++;
                    lineStart = i + 1;
                }
                value += c;
                i++;
            }
            cell.value = value;
            // Anything between the closing quote and the separator is kept, as most readers do.
            while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r')
                cell.value += text[i++];
        }
        else {
            const start = i;
            while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r')
                i++;
            cell.value = text.slice(start, i);
        }
        row.push(cell);
        if (i >= text.length) {
            endRow();
            break;
        }
        if (text[i] === ',') {
            i++;
            continue;
        }
        // A line end: \r\n, \n or a lone \r.
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        lineStart = i;
        endRow();
        if (i >= text.length)
            break;
    }
    return { rows };
}

// EXTERNAL MODULE: ./src/workspace/schema-findings.ts
var schema_findings = __webpack_require__(1493);
// EXTERNAL MODULE: ./src/cases/types.ts
var types = __webpack_require__(1696);
;// CONCATENATED MODULE: ./src/cases/csv-cases.ts




const LIST_TYPES = new Set(['contains-all', 'contains-any', 'tool-sequence']);
const NUMBER_TYPES = new Set(['max-length', 'max-cost', 'max-latency']);
const FLAG_TYPES = new Set(['is-json', 'is-refusal']);
const NAME_TYPES = { 'tool-call': 'name', javascript: 'file' };
/**
 * An `assert:<type>` cell as an assertion: text for text checks, a number for
 * limits, `a, b` (or a JSON list) for lists, true/false for flags (false is
 * the negation), `10-80` or `80` for word-count, a JSON object for anything else.
 */
function cellAssertion(type, raw) {
    const value = raw.trim();
    if (value.startsWith('{'))
        return { type, ...JSON.parse(value) };
    if (LIST_TYPES.has(type))
        return { type, value: value.startsWith('[') ? JSON.parse(value) : value.split(',').map((v) => v.trim()).filter(Boolean) };
    if (NUMBER_TYPES.has(type))
        return { type, value: numberOrText(value) };
    if (FLAG_TYPES.has(type))
        return /^(true|yes|1)$/i.test(value) ? { type } : /^(false|no|0)$/i.test(value) ? { type, not: true } : { type, value };
    if (type === 'word-count') {
        const range = /^(\d+)\s*-\s*(\d+)$/.exec(value);
        return range ? { type, min: Number(range[1]), max: Number(range[2]) } : { type, max: numberOrText(value) };
    }
    if (NAME_TYPES[type])
        return { type, [NAME_TYPES[type]]: value };
    return { type, value: raw };
}
/** A cell that is not a number stays text, so the schema's finding says what it is rather than NaN. */
function numberOrText(value) {
    const n = Number(value);
    return value !== '' && Number.isFinite(n) ? n : value;
}
/**
 * promptfoo's `__expected` cell: `type: value` (`contains: refund`,
 * `icontains: refund` for ignoreCase, `not-contains: …`); a bare value means equals.
 */
function expectedAssertion(raw) {
    const match = /^([a-z][a-z-]*):\s?([\s\S]*)$/.exec(raw.trim());
    if (!match)
        return { type: 'equals', value: raw };
    const value = match[2];
    let type = match[1];
    // `not-contains` is a type of its own; on any other type `not-` is the negation.
    const negate = type.startsWith('not-') && !TYPES.has(type);
    if (negate)
        type = type.slice('not-'.length);
    const ignoreCase = !TYPES.has(type) && type.startsWith('i') && TYPES.has(type.slice(1));
    if (ignoreCase)
        type = type.slice(1);
    const base = cellAssertion(type, value);
    return { ...base, ...(ignoreCase ? { ignoreCase: true } : {}), ...(negate ? { not: true } : {}) };
}
const TYPES = new Set(eval_suite/* Assertion */.zo.options.map((o) => o.shape.type.value));
const KNOWN = ['input', 'name', 'tags', '__description'];
/**
 * Cases from CSV in promptfoo's shape: an `input` column (the user message),
 * optional `name` (or promptfoo's `__description`) and `tags` (comma
 * separated), `assert:<type>` columns and promptfoo's `__expected` columns.
 */
function readCsvCases(file, text) {
    const out = { cases: [], findings: [] };
    const { rows, error } = parseCsv(text);
    if (error)
        return { cases: [], findings: [(0,types/* fileFinding */.s)(file, error.line, error.column, '', error.message)] };
    const [header, ...body] = rows;
    if (!header)
        return { cases: [], findings: [(0,types/* fileFinding */.s)(file, 1, 1, '', 'the file is empty; write a header row with an input column')] };
    const columns = header.map((c) => c.value.trim());
    let ok = true;
    columns.forEach((name, i) => {
        if (KNOWN.includes(name) || name.startsWith('assert:') || /^__expected\d*$/.test(name))
            return;
        ok = false;
        out.findings.push((0,types/* fileFinding */.s)(file, header[i].line, header[i].column, name, `unknown column "${name}"; use input, name, tags, assert:<type> or __expected (prompt variables are not supported: each row is one user message)`));
    });
    if (!columns.includes('input')) {
        out.findings.push((0,types/* fileFinding */.s)(file, 1, 1, '', 'no input column; add one holding the user message of each case'));
        return out;
    }
    if (!ok)
        return out;
    const base = file.split('/').pop();
    for (const row of body) {
        const line = row[0].line;
        if (row.length !== columns.length) {
            out.findings.push((0,types/* fileFinding */.s)(file, line, 1, '', `this row has ${row.length} fields, the header ${columns.length}; quote fields holding commas ("a, b")`));
            continue;
        }
        const cell = (name) => row[columns.indexOf(name)];
        const assertions = [];
        let bad = false;
        columns.forEach((name, i) => {
            const c = row[i];
            if (c.value.trim() === '' || !(name.startsWith('assert:') || name.startsWith('__expected')))
                return;
            let assertion;
            try {
                assertion = name.startsWith('assert:') ? cellAssertion(name.slice('assert:'.length), c.value) : expectedAssertion(c.value);
            }
            catch (err) {
                bad = true;
                out.findings.push((0,types/* fileFinding */.s)(file, c.line, c.column, name, `not valid JSON (${err.message})`));
                return;
            }
            const parsed = eval_suite/* Assertion */.zo.safeParse(assertion);
            if (!parsed.success) {
                bad = true;
                out.findings.push(...(0,schema_findings/* issueFindings */.s)(parsed.error.issues, eval_suite/* Assertion */.zo, assertion, (_, message) => (0,types/* fileFinding */.s)(file, c.line, c.column, name, `${name}: ${message}`), types/* CASE_FILE_HINT */.g));
            }
            else
                assertions.push(parsed.data);
        });
        if (bad)
            continue;
        const tags = cell('tags')?.value.split(',').map((t) => t.trim()).filter(Boolean);
        const data = {
            name: cell('name')?.value.trim() || cell('__description')?.value.trim() || `${base}:${line}`,
            input: cell('input').value,
            ...(assertions.length ? { assert: assertions } : {}),
            ...(tags?.length ? { tags } : {}),
        };
        const parsed = eval_suite/* EvalCase */.jy.safeParse(data);
        if (!parsed.success) {
            out.findings.push(...(0,schema_findings/* issueFindings */.s)(parsed.error.issues, eval_suite/* EvalCase */.jy, data, (path, message) => (0,types/* fileFinding */.s)(file, line, 1, path, message), types/* CASE_FILE_HINT */.g));
            continue;
        }
        out.cases.push({ case: parsed.data, line });
    }
    return out;
}


/***/ })

};
