export const id = 855;
export const ids = [855];
export const modules = {

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


/***/ }),

/***/ 9451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZW: () => (/* binding */ commentedOut),
/* harmony export */   wm: () => (/* binding */ IdMatcher),
/* harmony export */   zJ: () => (/* binding */ idsInProse)
/* harmony export */ });
/**
 * Provider and platform prefixes as other tools write them: LiteLLM and GitHub Models
 * (`openai/gpt-4o`, `bedrock/anthropic.…`), promptfoo (`openai:chat:gpt-4.1`,
 * `anthropic:messages:…`). A word not listed here before `/` is a path, not a provider.
 */
const PREFIXES = {
    openai: 'openai', anthropic: 'anthropic', azure: 'azure', azure_ai: 'azure', azureopenai: 'azure',
    bedrock: 'bedrock', bedrock_converse: 'bedrock', vertex: 'vertex', vertex_ai: 'vertex',
    openrouter: 'openrouter', github: 'github', litellm_proxy: 'litellm', together_ai: 'together',
    groq: 'groq', fireworks_ai: 'fireworks', databricks: 'databricks',
    // promptfoo's API selectors between the provider and the model.
    chat: undefined, messages: undefined, responses: undefined, completion: undefined,
};
/** OpenAI and Anthropic id shapes: family, version, variant words, dated snapshot. */
const SHAPES = [
    /^gpt-\d+(?:\.\d+)?[a-z]*(?:-[a-z0-9]+(?:\.\d+)?)*$/,
    /^chatgpt-\d+[a-z]*(?:-[a-z0-9]+)*$/,
    /^o\d(?:-[a-z0-9]+)*$/,
    /^claude-(?=[a-z0-9.-]*\d)[a-z0-9]+(?:[-.][a-z0-9]+)*(?:@\d{8})?$/,
];
/** Bedrock's `anthropic.<id>-v1:0`, optionally behind a cross-region inference prefix (`us.`). */
const BEDROCK = /^(?:(?:us|eu|apac|global|jp|au|us-gov)\.)?anthropic\.(claude-[a-z0-9.-]+?)-v\d+(?::\d+)?$/;
/** `o1`, `o3` alone are too short to trust in prose: they count only where a model is expected. */
const BARE_O_SERIES = /^o\d$/;
/** Recognises model ids: the catalog's ids and aliases, the workspace's own models, and the providers' id shapes. */
class IdMatcher {
    catalog;
    extra;
    constructor(catalog, 
    /** Model ids the workspace adds under spec.catalog.models. */
    additions = []) {
        this.catalog = catalog;
        this.extra = new Set(additions);
    }
    /** Ids that are not of a provider's shape but known here (workspace additions), for the fast pre-filter. */
    get additions() {
        return [...this.extra].filter((id) => !SHAPES.some((shape) => shape.test(id)));
    }
    lookup(model) {
        return this.catalog.lookup(model) ?? this.catalog.lookup(model.replace('@', '-'));
    }
    /**
     * Reads a whole token (a string literal's content, a YAML scalar, a word of prose) as a
     * model id, or undefined. `strong`: the place expects a model (a `model=` argument, a
     * `model:` key), so an id of a provider's shape counts even when the catalog does not know it.
     */
    parse(token, strong) {
        if (token.length < 2 || token.length > 120 || token.includes('://'))
            return undefined;
        let rest = token;
        let offset = 0;
        let prefixProvider;
        for (let i = 0; i < 3; i++) {
            const m = /^([a-z][a-z0-9_]*)[/:]/.exec(rest);
            if (!m || !(m[1] in PREFIXES))
                break;
            prefixProvider ??= PREFIXES[m[1]];
            rest = rest.slice(m[0].length);
            offset += m[0].length;
        }
        const bedrock = BEDROCK.exec(rest);
        if (bedrock) {
            const model = bedrock[1];
            return { model, offset: offset + rest.indexOf(model), prefixProvider: prefixProvider ?? 'bedrock', bedrock: true };
        }
        const known = this.extra.has(rest) || this.lookup(rest) !== undefined;
        if (!known && !(strong && SHAPES.some((shape) => shape.test(rest))))
            return undefined;
        if (!strong && BARE_O_SERIES.test(rest))
            return undefined;
        return { model: rest, offset, prefixProvider, bedrock: false };
    }
    /** The maker of a model: from the catalog, else from its shape. */
    provider(id) {
        const entry = this.lookup(id.model);
        if (entry)
            return entry.provider;
        if (id.model.startsWith('claude-'))
            return 'anthropic';
        if (/^(gpt-|chatgpt-|o\d)/.test(id.model))
            return 'openai';
        return id.prefixProvider ?? 'unknown';
    }
}
/** Characters a model id token is made of; anything else ends it. */
const TOKEN = /[A-Za-z0-9_.:/@+-]+/g;
/**
 * Whether the text before an id in a comment reads as code that was commented out
 * (`# client.create(model="gpt-4o")`, `# OLD_MODEL=gpt-4o`, `# model: gpt-4o`): code that
 * no longer runs calls nothing, so it is not a reference.
 */
function commentedOut(before) {
    return /["'`(=]\s*$/.test(before) || /^\s*-?\s*[A-Za-z_][\w.-]*\s*:\s*$/.test(before);
}
/** Model ids in free text (prose, comments): only known ids, never inside a URL or a longer word. */
function idsInProse(text, from, to, ids) {
    const found = [];
    const slice = text.slice(from, to);
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
        // Sentence punctuation after an id is not part of it: "use gpt-4o." / "gpt-4o: fast".
        const token = m[0].replace(/[.:]+$/, '');
        if (!/[a-z]-|o\d/.test(token))
            continue;
        const before = slice[m.index - 1];
        if (before === '/' || before === '\\')
            continue; // a path segment
        const id = ids.parse(token, false);
        if (id)
            found.push({ start: from + m.index + id.offset, id });
    }
    return found;
}


/***/ }),

/***/ 7855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ParserLoading: () => (/* reexport */ ParserLoading),
  scanResult: () => (/* binding */ scanResult),
  scanText: () => (/* binding */ scanText)
});

// EXTERNAL MODULE: ./src/scan/classify.ts
var classify = __webpack_require__(979);
// EXTERNAL MODULE: ./src/scan/ids.ts
var scan_ids = __webpack_require__(9451);
;// CONCATENATED MODULE: ./src/scan/finders/finder.ts
/** Keys and names under which a value is a model: `model`, `model_name`, `modelId`, `OPENAI_MODEL`, `deployment`, `llm`, `engine`. */
function modelKey(key) {
    return /model(?:_?(?:name|id))?s?$|^model|deployment(?:_?name)?$|^llm$|^engine$|_llm$|^LLM_/i.test(key) && !/^model_?(?:list|parameters|params|config)$/i.test(key);
}

;// CONCATENATED MODULE: ./src/scan/finders/lexer.ts
/**
 * Strings and comments of C-like and script languages, enough to tell a model id in a
 * literal from one in a comment. An interpolated literal (`f"gpt-{v}"`) never reads as a
 * whole id, so it is never a reference. It does not parse: regex literals and heredocs are rare
 * where model ids are, and a miss there costs one reference, never a wrong edit (an edit
 * replaces only the bytes of an id inside a literal it found).
 */
function lex(text, syntax) {
    const spans = [];
    const n = text.length;
    const next = starts(syntax);
    let i = 0;
    while (i < n) {
        // Jump to where a comment or string may open: most of a file is neither.
        next.lastIndex = i;
        const at = next.exec(text);
        if (!at)
            break;
        i = at.index;
        const c = text[i];
        const comment = syntax.lineComment.find((marker) => text.startsWith(marker, i));
        if (comment) {
            const end = lineEnd(text, i);
            spans.push({ type: 'comment', open: i, start: i + comment.length, end });
            i = end;
            continue;
        }
        if (syntax.blockComment && text.startsWith(syntax.blockComment[0], i)) {
            const close = text.indexOf(syntax.blockComment[1], i + syntax.blockComment[0].length);
            const end = close === -1 ? n : close;
            spans.push({ type: 'comment', open: i, start: i + syntax.blockComment[0].length, end });
            i = close === -1 ? n : close + syntax.blockComment[1].length;
            continue;
        }
        // Neither comment opened here, so the expression matched a quote.
        if (syntax.triple && text.startsWith(c.repeat(3), i)) {
            const close = text.indexOf(c.repeat(3), i + 3);
            const end = close === -1 ? n : close;
            spans.push({ type: 'string', open: i, start: i + 3, end, long: true });
            i = close === -1 ? n : close + 3;
            continue;
        }
        const multiline = syntax.multiline?.includes(c) ?? false;
        let j = i + 1;
        while (j < n && text[j] !== c && (multiline || text[j] !== '\n'))
            j += text[j] === '\\' ? 2 : 1;
        const end = Math.min(j, n);
        spans.push({ type: 'string', open: i, start: i + 1, end });
        i = end + 1;
    }
    return spans;
}
const STARTS = new WeakMap();
/** One expression for every token opening of a syntax, compiled once per syntax. */
function starts(syntax) {
    let re = STARTS.get(syntax);
    if (!re) {
        const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        const markers = [...syntax.lineComment, ...(syntax.blockComment ? [syntax.blockComment[0]] : [])].map(escape);
        re = new RegExp([...markers, `[${escape(syntax.quotes)}]`].join('|'), 'g');
        STARTS.set(syntax, re);
    }
    return re;
}
function lineEnd(text, from) {
    const end = text.indexOf('\n', from);
    return end === -1 ? text.length : end;
}

;// CONCATENATED MODULE: ./src/scan/finders/code.ts



const C_LIKE = { lineComment: ['//'], blockComment: ['/*', '*/'], quotes: '"\'' };
const SYNTAX = {
    python: { lineComment: ['#'], quotes: '"\'', triple: true },
    typescript: { ...C_LIKE, quotes: '"\'`', multiline: '`' },
    javascript: { ...C_LIKE, quotes: '"\'`', multiline: '`' },
    go: { ...C_LIKE, quotes: '"\'`', multiline: '`' },
    java: { ...C_LIKE, triple: true },
    kotlin: { ...C_LIKE, triple: true },
    ruby: { lineComment: ['#'], quotes: '"\'' },
    csharp: { ...C_LIKE, triple: true },
};
/**
 * Functions and constructors whose first argument is a model: LangChain's `ChatOpenAI`,
 * the Vercel AI SDK's `openai('gpt-4o')`, OpenAI .NET's `GetChatClient`, CrewAI's `LLM`, ….
 */
const MODEL_CALLS = new Set([
    'ChatOpenAI', 'ChatAnthropic', 'AzureChatOpenAI', 'ChatLiteLLM', 'init_chat_model', 'openai', 'anthropic', 'azure', 'bedrock',
    'OpenAIModel', 'AnthropicModel', 'OpenAIChatModel', 'OpenAIResponsesModel', 'LiteLLMModel', 'LLM', 'ChatClient', 'GetChatClient',
    'model', 'modelName', 'modelId', 'withModel', 'setModel', 'withModelName', 'deployment', 'deploymentName', 'languageModel', 'chatModel',
]);
/** Request parameters a destination model may refuse, as SDKs spell them. */
const PARAMS = {
    temperature: 'temperature', top_p: 'top_p', topP: 'top_p', max_tokens: 'max_tokens', maxTokens: 'max_tokens', MaxTokens: 'max_tokens',
    frequency_penalty: 'frequency_penalty', frequencyPenalty: 'frequency_penalty', presence_penalty: 'presence_penalty', presencePenalty: 'presence_penalty',
    logprobs: 'logprobs', top_logprobs: 'top_logprobs', logit_bias: 'logit_bias', reasoning_effort: 'reasoning_effort', Temperature: 'temperature', TopP: 'top_p',
};
const PARAM_USE = new RegExp(`(?:\\b|\\.)(${Object.keys(PARAMS).join('|')})\\b\\s*(?:[=:(]|=>)`, 'g');
/** Call sites in code: a literal passed as a model (keyword argument, object key, builder call, known constructor); ids in comments as docs. */
function codeFinder(place) {
    return {
        find(_file, text, ids) {
            const found = [];
            const spans = lex(text, SYNTAX[place]);
            for (const span of spans) {
                if (span.type === 'comment')
                    found.push(...commentIds(text, span, ids));
                else if (span.long)
                    found.push(...(0,scan_ids/* idsInProse */.zJ)(text, span.start, span.end, ids).map(({ start, id }) => prose(start, id)));
                else {
                    const literal = literalId(text, span, ids);
                    if (literal)
                        found.push(literal);
                }
            }
            return { place, found };
        },
    };
}
function prose(start, id) {
    return { start, end: start + id.model.length, id, kind: 'docs', rewrite: { via: 'text' } };
}
/** Prose in a comment counts; a quoted id in a comment is commented-out code, which calls nothing. */
function commentIds(text, span, ids) {
    return (0,scan_ids/* idsInProse */.zJ)(text, span.start, span.end, ids)
        .filter(({ start, id }) => !(0,scan_ids/* commentedOut */.ZW)(text.slice(span.start, start - id.offset)))
        .map(({ start, id }) => prose(start, id));
}
function literalId(text, span, ids) {
    const content = text.slice(span.start, span.end);
    if (!/[a-z]-|o\d/.test(content) && !ids.additions.length)
        return undefined;
    const context = callContext(text, span.open);
    const id = ids.parse(content, context !== undefined);
    if (!id)
        return undefined;
    const start = span.start + id.offset;
    const rewrite = id.bedrock ? { via: 'none', reason: 'a Bedrock id carries its own version suffix' } : { via: 'text' };
    return { start, end: start + id.model.length, id, kind: 'call-site', rewrite, params: context ? callParams(text, span.open, context) : undefined };
}
const BUILDERS = /^(?:model|modelName|modelId|withModel|setModel|withModelName|deployment|deploymentName)$/;
/** Whether the code before a literal passes it as a model: `model=`, `"model":`, `Model:`, `.modelName(`, `ChatOpenAI(`. */
function callContext(text, open) {
    let from = text.lastIndexOf('\n', open - 1) + 1;
    // An argument on a line of its own belongs to the call opened on the line above.
    if (text.slice(from, open).trim() === '' && from > 0)
        from = text.lastIndexOf('\n', from - 2) + 1;
    const before = text.slice(Math.max(from, open - 160), open).trimEnd();
    // `MODEL = os.getenv("X") or "gpt-4o"`, `env.MODEL ?? 'gpt-4o'`: the fallback is still the key's value.
    const key = /["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*(?:=|:|=>|:=)(?:[^;=\n]*(?:\|\||\?\?|\bor\b))?$/.exec(before);
    if (key && modelKey(key[1]))
        return 'key';
    const call = /([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*$/.exec(before);
    if (call && MODEL_CALLS.has(call[1]))
        return BUILDERS.test(call[1]) && before[call.index - 1] === '.' ? 'builder' : 'call';
    return undefined;
}
/**
 * Parameters passed in the same call (or, for a builder, the same statement), so a
 * migration can name the call sites whose parameters the destination refuses.
 */
function callParams(text, open, context) {
    const [from, to] = context === 'builder' ? statement(text, open) : enclosing(text, open);
    const names = new Set();
    const region = text.slice(from, to);
    PARAM_USE.lastIndex = 0;
    for (let m = PARAM_USE.exec(region); m; m = PARAM_USE.exec(region))
        names.add(PARAMS[m[1]]);
    return [...names].sort();
}
const OPENERS = { '(': ')', '{': '}', '[': ']' };
/** The bracketed argument list or object around `at` (bounded, so a stray bracket costs little). */
function enclosing(text, at) {
    let depth = 0;
    let from = at;
    for (let i = at - 1; i >= Math.max(0, at - 4000); i--) {
        const c = text[i];
        if (c === ')' || c === '}' || c === ']')
            depth++;
        else if (c in OPENERS) {
            if (depth === 0) {
                from = i;
                break;
            }
            depth--;
        }
    }
    if (from === at)
        return statement(text, at);
    const close = OPENERS[text[from]];
    depth = 0;
    for (let i = from + 1; i < Math.min(text.length, from + 8000); i++) {
        const c = text[i];
        if (c === text[from])
            depth++;
        else if (c === close) {
            if (depth === 0)
                return [from, i];
            depth--;
        }
    }
    return [from, Math.min(text.length, from + 8000)];
}
/** From the start of the statement to its end: a builder chain's `.temperature(…)` is in the same statement as its `.model(…)`. */
function statement(text, at) {
    const back = text.slice(Math.max(0, at - 2000), at);
    const start = Math.max(back.lastIndexOf(';'), back.lastIndexOf('\n\n'), back.lastIndexOf('{')) + 1 + Math.max(0, at - 2000);
    const ahead = text.slice(at, at + 2000);
    const stops = [ahead.indexOf(';'), ahead.indexOf('\n\n')].filter((i) => i >= 0);
    return [start, at + (stops.length ? Math.min(...stops) : ahead.length)];
}

;// CONCATENATED MODULE: ./src/scan/finders/lines.ts


/** `.env` files: `KEY=value` (optionally `export`, quoted, with a trailing `# comment`); `#` lines are docs. */
const envFinder = {
    find(_file, text, ids) {
        const found = [];
        forEachLine(text, (line, at) => {
            const comment = /^\s*#/.exec(line);
            if (comment) {
                found.push(...proseIds(text, at + comment[0].length, at + line.length, ids, true));
                return;
            }
            const m = /^(\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*)(["']?)([^"'#\s]*)\3/.exec(line);
            if (!m)
                return;
            const ref = valueRef(m[4], at + m[1].length + m[3].length, modelKey(m[2]), 'env', ids);
            if (ref)
                found.push(ref);
        });
        return { place: 'dotenv', found };
    },
};
/** TOML read line by line: `key = "value"` and arrays of strings under a key; `#` comments are docs. */
const tomlFinder = {
    find(_file, text, ids) {
        const found = [];
        let key = '';
        forEachLine(text, (line, at) => {
            const assign = /^\s*([A-Za-z0-9_."-]+)\s*=/.exec(line);
            if (assign)
                key = assign[1].replace(/"/g, '').split('.').at(-1);
            else if (/^\s*\[/.test(line))
                key = '';
            const strings = /"([^"\\\n]*)"|'([^'\n]*)'|#(.*)$/g;
            for (let m = strings.exec(line); m; m = strings.exec(line)) {
                if (m[3] !== undefined) {
                    found.push(...proseIds(text, at + m.index + 1, at + line.length, ids, true));
                    break;
                }
                const ref = valueRef(m[1] ?? m[2], at + m.index + 1, modelKey(key), 'config', ids);
                if (ref)
                    found.push(ref);
            }
        });
        return { place: 'toml', found };
    },
};
/** Markdown, reStructuredText and plain text: ids the catalog knows, in prose and code blocks alike, as docs. */
const docsFinder = (place) => ({
    find(_file, text, ids) {
        return { place, found: proseIds(text, 0, text.length, ids) };
    },
});
function envValueRef(value, at, strong, ids) {
    return valueRef(value, at, strong, 'env', ids);
}
function valueRef(value, at, strong, kind, ids) {
    const id = ids.parse(value, strong);
    if (!id)
        return undefined;
    const start = at + id.offset;
    const rewrite = id.bedrock ? { via: 'none', reason: 'a Bedrock id carries its own version suffix' } : { via: 'text' };
    return { start, end: start + id.model.length, id, kind, rewrite };
}
function proseIds(text, from, to, ids, comment = false) {
    return (0,scan_ids/* idsInProse */.zJ)(text, from, to, ids)
        .filter(({ start, id }) => !comment || !(0,scan_ids/* commentedOut */.ZW)(text.slice(from, start - id.offset)))
        .map(({ start, id }) => ({ start, end: start + id.model.length, id, kind: 'docs', rewrite: { via: 'text' } }));
}
function forEachLine(text, visit) {
    let at = 0;
    while (at <= text.length) {
        const nl = text.indexOf('\n', at);
        const end = nl === -1 ? text.length : nl;
        visit(text.slice(at, end).replace(/\r$/, ''), at);
        if (nl === -1)
            break;
        at = nl + 1;
    }
}

;// CONCATENATED MODULE: ./src/scan/finders/dockerfile.ts


/** `ENV`/`ARG` and the rest of its logical line (continued by a trailing backslash); group 1 is the instruction. */
const INSTRUCTION = /^[ \t]*(ENV|ARG)[ \t]+((?:[^\n]*\\\r?\n)*[^\n]*)/gim;
/** `KEY=value`, `KEY="value"`, `KEY='value'` in an `ENV` or `ARG` instruction. */
const PAIR = /(?:^|[ \t\n])([A-Za-z_][A-Za-z0-9_.-]*)=(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s"'\\]*))/dg;
/** The legacy space form `ENV KEY value`: one variable, the rest of the line its value. */
const SPACE_FORM = /^([A-Za-z_][A-Za-z0-9_.-]*)[ \t]+(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s"'\\]+))[ \t]*\r?$/d;
/**
 * Dockerfiles (and Containerfiles): the values of `ENV` and `ARG`, which set the
 * environment the application reads its model from (`ENV OPENAI_MODEL=gpt-4o`,
 * `ARG MODEL=gpt-4.1`, `ENV MODEL gpt-4o`), as env references; `#` lines are docs. Ids in
 * `RUN`/`CMD` are shell the finders do not read.
 */
const dockerfileFinder = {
    find(_file, text, ids) {
        const found = [];
        INSTRUCTION.lastIndex = 0;
        for (let m = INSTRUCTION.exec(text); m; m = INSTRUCTION.exec(text)) {
            const args = m[2];
            const at = m.index + m[0].length - args.length;
            found.push(...instructionRefs(m[1].toUpperCase(), args, at, ids));
        }
        found.push(...commentRefs(text, ids));
        return { place: 'dockerfile', found };
    },
};
function instructionRefs(instruction, args, at, ids) {
    const space = instruction === 'ENV' && !/^[^\s=]*=/.test(args) ? SPACE_FORM.exec(args) : null;
    if (space)
        return value(space, at, ids);
    const found = [];
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(args); m; m = PAIR.exec(args))
        found.push(...value(m, at, ids));
    return found;
}
/** The reference in a matched `KEY` + value (groups 1–4: key, double-quoted, single-quoted, bare), if it is one. */
function value(m, at, ids) {
    const group = [2, 3, 4].find((g) => m[g] !== undefined);
    const ref = envValueRef(m[group], at + m.indices[group][0], modelKey(m[1]), ids);
    return ref ? [ref] : [];
}
function commentRefs(text, ids) {
    const found = [];
    const re = /^[ \t]*#(.*)$/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        const from = m.index + m[0].length - m[1].length;
        found.push(...proseIds(text, from, from + m[1].replace(/\r$/, '').length, ids, true));
    }
    return found;
}

// EXTERNAL MODULE: ./src/scan/finders/kinds.ts
var kinds = __webpack_require__(9196);
// EXTERNAL MODULE: ./src/edit/plain-yaml.ts
var plain_yaml = __webpack_require__(1470);
;// CONCATENATED MODULE: ./src/scan/finders/json-tree.ts
/**
 * Reads strict JSON (RFC 8259) into a tree, or undefined when the text is anything else
 * (comments, trailing commas, several values, a byte-order mark, nesting deeper than a
 * person writes): the caller then reads it as YAML, as before. A JSON file is the most
 * common configuration file, and reading one this way costs a small part of composing it
 * as a YAML document.
 */
function jsonTree(text) {
    const reader = new Reader(text);
    try {
        const node = reader.value(0);
        reader.space();
        return reader.at === text.length ? node : undefined;
    }
    catch (error) {
        if (error === NOT_JSON)
            return undefined;
        throw error;
    }
}
const NOT_JSON = Symbol('not strict JSON');
const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/**
 * A string's characters up to its closing quote: anything but a quote, a backslash or a control
 * character, or an escape. One character per repetition, so that a string that does not close
 * fails in linear time (a run per repetition would backtrack through every way to split it).
 */
// eslint-disable-next-line no-control-regex -- JSON forbids control characters in strings: the class names them
const STRING = /"((?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*)"/y;
class Reader {
    text;
    at = 0;
    constructor(text) {
        this.text = text;
    }
    space() {
        while (this.at < this.text.length) {
            const c = this.text.charCodeAt(this.at);
            if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)
                return;
            this.at++;
        }
    }
    value(depth) {
        if (depth > MAX_DEPTH)
            throw NOT_JSON;
        this.space();
        const c = this.text[this.at];
        if (c === '{')
            return this.object(depth);
        if (c === '[')
            return this.array(depth);
        if (c === '"') {
            const at = this.at + 1;
            const value = this.string();
            // A string with escapes is not its characters.
            return this.text.charCodeAt(at + value.length) === 0x22 && this.text.startsWith(value, at) ? { scalar: value, at } : { scalar: value };
        }
        for (const [word, scalar] of WORDS) {
            if (this.text.startsWith(word, this.at)) {
                this.at += word.length;
                return { scalar };
            }
        }
        NUMBER.lastIndex = this.at;
        const number = NUMBER.exec(this.text);
        if (!number)
            throw NOT_JSON;
        this.at += number[0].length;
        return { scalar: Number(number[0]) };
    }
    string() {
        STRING.lastIndex = this.at;
        const match = STRING.exec(this.text);
        if (!match)
            throw NOT_JSON;
        this.at += match[0].length;
        const raw = match[1];
        return raw.includes('\\') ? JSON.parse(match[0]) : raw;
    }
    object(depth) {
        this.at++;
        const pairs = [];
        this.space();
        if (this.text[this.at] === '}') {
            this.at++;
            return { pairs };
        }
        for (;;) {
            this.space();
            if (this.text[this.at] !== '"')
                throw NOT_JSON;
            const key = this.string();
            this.space();
            if (this.text[this.at++] !== ':')
                throw NOT_JSON;
            pairs.push([key, this.value(depth + 1)]);
            this.space();
            const next = this.text[this.at++];
            if (next === '}')
                return { pairs };
            if (next !== ',')
                throw NOT_JSON;
        }
    }
    array(depth) {
        this.at++;
        const items = [];
        this.space();
        if (this.text[this.at] === ']') {
            this.at++;
            return { items };
        }
        for (;;) {
            items.push(this.value(depth + 1));
            this.space();
            const next = this.text[this.at++];
            if (next === ']')
                return { items };
            if (next !== ',')
                throw NOT_JSON;
        }
    }
}
const WORDS = [
    ['true', true],
    ['false', false],
    ['null', null],
];

;// CONCATENATED MODULE: ./src/scan/finders/yaml.ts




/**
 * The full YAML parser, for the files the plain readers decline. Most scans need it for no
 * file, so it loads the first time one does; until it has, such a file throws
 * `ParserLoading`, and the caller scans it again once `loaded` settles.
 */
let parser;
let loading;
class ParserLoading extends Error {
    loaded;
    constructor(loaded) {
        super('the YAML parser is loading');
        this.loaded = loaded;
    }
}
function fullParser() {
    if (parser)
        return parser;
    loading ??= __webpack_require__.e(/* import() */ 451).then(__webpack_require__.bind(__webpack_require__, 451)).then(({ yaml }) => {
        parser = { yaml, tree: yamlTree(yaml) };
    });
    throw new ParserLoading(loading);
}
/**
 * YAML and JSON read as data: a value counts as a model where its key says so (`model`,
 * `llm`, `azure_deployment`, a Kubernetes env `value` whose `name` is `OPENAI_MODEL`),
 * or where the file's tool puts models (promptfoo `providers`); elsewhere only ids the
 * catalog knows count. Comments are docs.
 */
function yamlFinder(fixed) {
    return { find: (file, text, ids) => findInYaml(file, text, ids, fixed, fixed !== 'json') };
}
/**
 * Prompty (`*.prompty`) and Dotprompt (`*.prompt`) files: YAML front matter between `---`
 * lines, then the template. The front matter is read in place (same offsets) and edited
 * as text, since the file as a whole is not YAML.
 */
function frontMatterFinder(place) {
    return {
        find(file, text, ids) {
            const open = /^---[ \t]*\r?\n/.exec(text);
            const close = open ? /^---[ \t]*$/m.exec(text.slice(open[0].length)) : null;
            if (!open || !close)
                return { place, found: [] };
            return findInYaml(file, text.slice(0, open[0].length + close.index), ids, place, false);
        },
    };
}
function findInYaml(file, text, ids, fixed, edits) {
    const json = fixed === 'json' ? jsonTree(text) : undefined;
    if (json)
        return { place: 'json', found: scalarRefs(VALUE_TREE, json, text, 'json', ids).map(({ ref }) => ref) };
    // Most YAML files are plain YAML, read without composing documents; yaml reads the rest.
    const plain = fixed === 'json' ? undefined : (0,plain_yaml/* readPlainYaml */.g)(text);
    const full = plain ? undefined : fullParser();
    const docs = full?.yaml.parseAllDocuments(text, { uniqueKeys: false });
    if (docs && !Array.isArray(docs))
        return { place: fixed ?? 'yaml', found: [] };
    const place = fixed ?? (plain ? yamlPlace(file, VALUE_TREE, plain.tree) : yamlPlace(file, full.tree, docs?.[0]?.contents));
    const found = [];
    const add = (tree, root, index) => {
        for (const { ref, scalar, slot } of scalarRefs(tree, root, text, place, ids)) {
            // The edit engine rewrites a YAML scalar and re-reads the file to prove nothing else moved.
            if (!edits || ref.rewrite.via !== 'text')
                found.push(ref);
            else
                found.push({ ...ref, rewrite: { via: 'yaml', doc: index, path: slot.path, value: String(scalar.value), valueOffset: ref.start - scalar.at } });
        }
    };
    if (plain)
        add(VALUE_TREE, plain.tree, 0);
    docs?.forEach((doc, index) => {
        if (!doc.errors.length)
            add(full.tree, doc.contents, index);
    });
    if (place !== 'json')
        found.push(...yamlComments(text, ids));
    return { place, found };
}
/** The nodes of a YAML document, read through the parser's own type tests. */
function yamlTree({ isMap, isScalar, isSeq }) {
    return {
        scalar: (node) => (isScalar(node) ? { value: node.value, at: stringStart(node) } : undefined),
        pairs: (node) => (isMap(node) ? node.items.flatMap((p) => (isScalar(p.key) ? [[String(p.key.value), p.value]] : [])) : undefined),
        items: (node) => (isSeq(node) ? node.items : undefined),
    };
}
/** The plain YAML reader's trees, and the strict JSON reader's. */
const VALUE_TREE = {
    scalar: (node) => ('scalar' in node ? { value: node.scalar, at: node.at } : undefined),
    pairs: (node) => ('pairs' in node ? node.pairs : undefined),
    items: (node) => ('items' in node ? node.items : undefined),
};
/** Where a YAML scalar's characters start: after the opening quote of a quoted one; none for block scalars, whose bytes are not their value. */
function stringStart(scalar) {
    if (!scalar.range)
        return undefined;
    if (scalar.type === 'PLAIN')
        return scalar.range[0];
    return scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE' ? scalar.range[0] + 1 : undefined;
}
/** Every model id in the scalars under `root`, with the scalar and where it sits. */
function scalarRefs(tree, root, text, place, ids) {
    const refs = [];
    const walk = (node, slot) => {
        const scalar = tree.scalar(node);
        if (scalar) {
            const ref = scalarRef(text, scalar, slot, place, ids);
            if (ref)
                refs.push({ ref, scalar, slot });
            return;
        }
        const pairs = tree.pairs(node);
        if (pairs) {
            const name = pairs.find(([key]) => key === 'name');
            const nameScalar = name && tree.scalar(name[1]);
            for (const [key, value] of pairs) {
                const siblingName = nameScalar && key === 'value' ? String(nameScalar.value) : undefined;
                walk(value, { path: [...slot.path, key], key, parentKey: slot.key, siblingName });
            }
            return;
        }
        tree.items(node)?.forEach((item, i) => walk(item, { path: [...slot.path, i], key: slot.key, parentKey: slot.parentKey }));
    };
    walk(root, { path: [], key: '', parentKey: '' });
    return refs;
}
function scalarRef(text, scalar, slot, place, ids) {
    const { value, at } = scalar;
    if (typeof value !== 'string' || at === undefined)
        return undefined;
    if (text.slice(at, at + value.length) !== value)
        return undefined; // escapes: the bytes are not the value
    const inEnv = /^(environment|env)$/.test(slot.key) || /^(environment|env)$/.test(slot.parentKey);
    // docker-compose's list form: `- OPENAI_MODEL=gpt-4o`.
    const assignment = inEnv && /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(value);
    const token = assignment ? assignment[2] : value;
    const offset = assignment ? assignment[1].length + 1 : 0;
    const strong = assignment ? modelKey(assignment[1]) : strongSlot(slot, place);
    const id = ids.parse(token, strong);
    if (!id)
        return undefined;
    const start = at + offset + id.offset;
    const kind = place === 'modelshift' ? 'modelshift' : inEnv ? 'env' : 'config';
    const rewrite = id.bedrock ? { via: 'none', reason: 'a Bedrock id carries its own version suffix' } : { via: 'text' };
    return { start, end: start + id.model.length, id, kind, rewrite };
}
function strongSlot(slot, place) {
    if (modelKey(slot.key))
        return true;
    if (slot.key === 'name' && modelKey(slot.parentKey))
        return true; // modelshift `spec.model.name`
    if (slot.key === 'value' && slot.siblingName !== undefined && modelKey(slot.siblingName))
        return true;
    if (place === 'prompty' && slot.key === 'name' && slot.parentKey === 'configuration')
        return true;
    if (place === 'promptfoo' && (/^(providers|provider|targets)$/.test(slot.key) || (slot.key === 'id' && /^(providers|targets)$/.test(slot.parentKey))))
        return true;
    return false;
}
/** `# …` comments in YAML; a `#` inside a quoted scalar is not one, so only line-leading or space-led `#` count. */
function yamlComments(text, ids) {
    const found = [];
    const re = /(?:^|[ \t])#(.*)$/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        const from = m.index + m[0].length - m[1].length;
        for (const { start, id } of (0,scan_ids/* idsInProse */.zJ)(text, from, from + m[1].length, ids)) {
            if ((0,scan_ids/* commentedOut */.ZW)(text.slice(from, start - id.offset)))
                continue;
            found.push({ start, end: start + id.model.length, id, kind: 'docs', rewrite: { via: 'text' } });
        }
    }
    return found;
}
/** The tool a YAML file belongs to, from its name and the top-level structure of its first document. */
function yamlPlace(file, tree, top) {
    const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
    if (/\.prompt\.ya?ml$/.test(name))
        return 'github-models';
    const pairs = top === undefined ? undefined : tree.pairs(top);
    const keys = new Set(pairs?.map(([key]) => key));
    const version = pairs?.find(([key]) => key === 'apiVersion');
    const apiVersion = version && tree.scalar(version[1])?.value;
    if (typeof apiVersion === 'string' && apiVersion.startsWith('modelshift.dev/'))
        return 'modelshift';
    if (keys.has('model_list'))
        return 'litellm';
    if (/^promptfooconfig.*\.ya?ml$/.test(name) || (keys.has('providers') && (keys.has('prompts') || keys.has('tests'))))
        return 'promptfoo';
    if (/^(docker-)?compose.*\.ya?ml$/.test(name) || (keys.has('services') && !keys.has('apiVersion')))
        return 'docker-compose';
    if (keys.has('apiVersion') && keys.has('kind'))
        return 'kubernetes';
    if (/^agents\.ya?ml$/.test(name) && pairs?.some(([, agent]) => tree.pairs(agent)?.some(([key]) => key === 'role' || key === 'llm')))
        return 'crewai';
    return 'yaml';
}

;// CONCATENATED MODULE: ./src/scan/finders/index.ts





const FINDERS = {
    python: codeFinder('python'),
    typescript: codeFinder('typescript'),
    javascript: codeFinder('javascript'),
    go: codeFinder('go'),
    java: codeFinder('java'),
    kotlin: codeFinder('kotlin'),
    ruby: codeFinder('ruby'),
    csharp: codeFinder('csharp'),
    yaml: yamlFinder(),
    json: yamlFinder('json'),
    toml: tomlFinder,
    dotenv: envFinder,
    dockerfile: dockerfileFinder,
    prompty: frontMatterFinder('prompty'),
    dotprompt: frontMatterFinder('dotprompt'),
    markdown: docsFinder('markdown'),
    text: docsFinder('text'),
};
/** The finder for a file by its name, or undefined for files no finder reads. */
function finderFor(file) {
    const kind = (0,kinds/* fileKind */.h)(file);
    return kind && FINDERS[kind];
}

// EXTERNAL MODULE: ./src/scan/paths.ts
var paths = __webpack_require__(4341);
;// CONCATENATED MODULE: ./src/scan/scan.ts




/**
 * Every reference in one file. Pure: the caller read the file; a path or content scan skips
 * gives none. Throws `ParserLoading` for a file that needs the YAML parser before it has loaded.
 */
function scanText(file, text, ids, today) {
    const finder = finderFor(file);
    if (!finder || (0,paths/* skippedPath */.eY)(file) || (0,paths/* skippedContent */.kz)(text))
        return [];
    const { place, found } = finder.find(file, text, ids);
    return (0,classify/* classify */.L8)(file, text, place, found, ids, today);
}
/** References sorted by file and position, with counts. */
function scanResult(references, files, today) {
    const sorted = references.toSorted((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
    const verdicts = Object.fromEntries(classify/* VERDICTS */.bk.map((v) => [v, 0]));
    const kinds = {};
    for (const ref of sorted) {
        verdicts[ref.verdict]++;
        kinds[ref.kind] = (kinds[ref.kind] ?? 0) + 1;
    }
    return { references: sorted, summary: { files, references: sorted.length, verdicts, kinds }, today };
}


/***/ })

};
