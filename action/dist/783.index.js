export const id = 783;
export const ids = [783,119];
export const modules = {

/***/ 7783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readLogCases: () => (/* binding */ readLogCases)
});

;// CONCATENATED MODULE: ./src/seeded.ts
/** mulberry32: small, fast and seedable, so the same seed gives the same numbers on every machine. */
function seeded(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

// EXTERNAL MODULE: ./src/cases/jsonl-cases.ts
var jsonl_cases = __webpack_require__(4119);
// EXTERNAL MODULE: ./src/cases/types.ts
var types = __webpack_require__(1696);
;// CONCATENATED MODULE: ./src/cases/from-log.ts



/**
 * Production requests as cases. Each record's conversation up to its last
 * user turn is the case; system and developer messages are dropped because
 * the eval sends the agent's own instructions; tool turns are dropped (the
 * eval has no tool results to replay). `redact` masks before anything else
 * sees the text, identical conversations collapse into one, and `sample`
 * keeps N of them, chosen by `seed`, in log order.
 */
function readLogCases(file, text, source) {
    const out = { cases: [], findings: [] };
    const masks = (source.redact ?? []).map((r) => new RegExp(r, 'g'));
    const redact = (s) => masks.reduce((t, m) => t.replace(m, '[redacted]'), s);
    const seen = new Map();
    const found = [];
    let skipped = 0;
    for (const { line, text: json } of (0,jsonl_cases.jsonLines)(text)) {
        let record;
        try {
            record = JSON.parse(json);
        }
        catch (error) {
            out.findings.push((0,types/* fileFinding */.s)(file, line, 1, '', `not valid JSON (${error.message}); a ${source.format} log holds one JSON object per line`));
            continue;
        }
        const conversations = source.format === 'openai-chat' ? [openAiChat(record)] : otelGenAi(record);
        for (const got of conversations) {
            if ('none' in got) {
                out.findings.push((0,types/* fileFinding */.s)(file, line, 1, '', source.format === 'openai-chat' ? 'no messages here; each line must be a chat-completions request body ({"model", "messages"}) or a batch line with one in "body"' : 'no gen_ai.input.messages attribute in this record'));
                continue;
            }
            if ('skip' in got) {
                skipped++;
                if (skipped <= 5)
                    out.findings.push((0,types/* fileFinding */.s)(file, line, 1, '', `skipped: ${got.skip}`, 'warning'));
                continue;
            }
            const messages = got.messages.map((m) => ({ role: m.role, content: redact(m.content) }));
            const key = JSON.stringify(messages);
            if (seen.has(key))
                continue;
            seen.set(key, line);
            found.push({ line, messages });
        }
    }
    if (skipped > 5)
        out.findings.push((0,types/* fileFinding */.s)(file, 1, 1, '', `${skipped} records skipped in all (the first 5 are listed)`, 'warning'));
    const base = file.split('/').pop();
    for (const { line, messages } of sample(found, source.sample, source.seed ?? 0)) {
        const only = messages.length === 1 ? messages[0].content : undefined;
        out.cases.push({ case: { name: `${base}:${line}`, ...(only !== undefined ? { input: only } : { messages }), ...(source.assert ? { assert: source.assert } : {}) }, line });
    }
    return out;
}
/** Up to `n` items chosen by a seeded shuffle, returned in their original order. */
function sample(items, n, seed) {
    if (n === undefined || n >= items.length)
        return items;
    const random = seeded(seed);
    const order = items.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
    }
    return order.slice(0, n).sort((a, b) => a - b).map((i) => items[i]);
}
/** The turns up to and including the last user turn; nothing when there is no user turn. */
function upToLastUser(turns) {
    const last = turns.map((t) => t.role).lastIndexOf('user');
    if (last < 0)
        return { skip: 'no user message' };
    return { messages: turns.slice(0, last + 1) };
}
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A chat-completions request body, bare or as a Batch API line (`{custom_id, method, url, body}`). */
function openAiChat(record) {
    const body = isRecord(record) && isRecord(record.body) ? record.body : record;
    if (!isRecord(body) || !Array.isArray(body.messages))
        return { none: true };
    const turns = [];
    for (const m of body.messages) {
        if (!isRecord(m))
            return { skip: 'a message is not an object' };
        if (m.role !== 'user' && m.role !== 'assistant')
            continue; // system, developer, tool, function
        const text = chatContent(m.content);
        if (text === undefined)
            return { skip: `a ${m.role} message has content other than text (images, audio or files are not replayed)` };
        if (text === '' && m.role === 'assistant')
            continue; // a turn that only called tools
        turns.push({ role: m.role, content: text });
    }
    return upToLastUser(turns);
}
/** `content` as a string, a list of text parts, or null (an assistant's tool call). */
function chatContent(content) {
    if (typeof content === 'string')
        return content;
    if (content === null || content === undefined)
        return '';
    if (!Array.isArray(content))
        return undefined;
    const parts = [];
    for (const part of content) {
        if (!isRecord(part) || part.type !== 'text' || typeof part.text !== 'string')
            return undefined;
        parts.push(part.text);
    }
    return parts.join('\n');
}
/**
 * OTLP JSON as the collector's file exporter writes it, one export request a
 * line: spans (`resourceSpans`) or events (`resourceLogs`) whose attributes
 * hold `gen_ai.input.messages` (a JSON string, or an array value), per the
 * OpenTelemetry GenAI semantic conventions: `[{role, parts: [{type: "text", content}]}]`.
 */
function otelGenAi(record) {
    if (!isRecord(record))
        return [{ none: true }];
    const holders = [];
    for (const rs of arrayOf(record.resourceSpans))
        for (const ss of arrayOf(rs.scopeSpans))
            holders.push(...arrayOf(ss.spans));
    for (const rl of arrayOf(record.resourceLogs))
        for (const sl of arrayOf(rl.scopeLogs))
            holders.push(...arrayOf(sl.logRecords));
    const found = [];
    for (const holder of holders) {
        const attribute = isRecord(holder) ? arrayOf(holder.attributes).find((a) => a.key === 'gen_ai.input.messages') : undefined;
        if (!attribute)
            continue;
        found.push(otelMessages(anyValue(attribute.value)));
    }
    return found.length ? found : [{ none: true }];
}
function arrayOf(value) {
    return Array.isArray(value) ? value.filter(isRecord) : [];
}
/** An OTLP `AnyValue` as plain JSON. */
function anyValue(value) {
    if (!isRecord(value))
        return undefined;
    if (typeof value.stringValue === 'string')
        return value.stringValue;
    if (isRecord(value.arrayValue))
        return arrayOf(value.arrayValue.values).map(anyValue);
    if (isRecord(value.kvlistValue))
        return Object.fromEntries(arrayOf(value.kvlistValue.values).map((kv) => [kv.key, anyValue(kv.value)]));
    for (const k of ['intValue', 'doubleValue', 'boolValue'])
        if (k in value)
            return value[k];
    return undefined;
}
function otelMessages(value) {
    let messages = value;
    if (typeof value === 'string') {
        try {
            messages = JSON.parse(value);
        }
        catch {
            return { skip: 'gen_ai.input.messages is not valid JSON' };
        }
    }
    if (!Array.isArray(messages))
        return { skip: 'gen_ai.input.messages is not a list of messages' };
    const turns = [];
    for (const m of messages) {
        if (!isRecord(m))
            return { skip: 'a message is not an object' };
        if (m.role !== 'user' && m.role !== 'assistant')
            continue; // system, tool
        const parts = arrayOf(m.parts);
        if (parts.some((p) => p.type !== 'text' && p.type !== 'tool_call' && p.type !== 'tool_call_response'))
            return { skip: `a ${m.role} message has parts other than text (images, audio or files are not replayed)` };
        const text = parts.filter((p) => p.type === 'text').map((p) => (typeof p.content === 'string' ? p.content : '')).join('\n');
        if (text === '')
            continue; // a turn that only called tools
        turns.push({ role: m.role, content: text });
    }
    return upToLastUser(turns);
}


/***/ }),

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
