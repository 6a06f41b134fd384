export const id = 709;
export const ids = [709];
export const modules = {

/***/ 709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ERRORS: () => (/* binding */ ERRORS),
/* harmony export */   createOpenAiClient: () => (/* binding */ createOpenAiClient),
/* harmony export */   fromChatCompletion: () => (/* binding */ fromChatCompletion),
/* harmony export */   openAiSdk: () => (/* binding */ openAiSdk),
/* harmony export */   toChatBody: () => (/* binding */ toChatBody)
/* harmony export */ });
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9968);
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1169);



const ERRORS = {
    base: openai__WEBPACK_IMPORTED_MODULE_0__/* .OpenAIError */ .vc,
    api: openai__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG,
    abort: openai__WEBPACK_IMPORTED_MODULE_0__/* .APIUserAbortError */ .cH,
    timeout: openai__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionTimeoutError */ .qA,
    connection: openai__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionError */ .xX,
};
/**
 * Sent when an `openai-compatible` provider names no key: local servers
 * (Ollama, vLLM) ignore the header, and the SDK refuses to start without one.
 */
const NO_KEY_PLACEHOLDER = 'no-key';
/** The SDK for one provider connection, online and batch alike. */
function openAiSdk(provider, apiKey, opts, extra = {}) {
    return new openai__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .Ay({
        apiKey,
        // Explicit values so the SDK reads nothing from the environment.
        baseURL: provider.spec.baseURL ?? 'https://api.openai.com/v1',
        organization: null,
        project: null,
        webhookSecret: null,
        timeout: opts.timeoutMs,
        maxRetries: opts.maxRetries,
        logLevel: 'off',
        ...extra,
    });
}
/**
 * Chat Completions through the `openai` SDK, for `openai`, `openai-compatible`
 * and `azure-openai` providers. Azure is reached through its v1 API
 * (`baseURL` ending in `/openai/v1`), which takes the key as `api-key`.
 */
function createOpenAiClient(provider, secrets, opts) {
    const name = provider.metadata.name;
    const type = provider.spec.type;
    if (!secrets.apiKey && type !== 'openai-compatible')
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .missingKey */ .aV)(provider);
    const apiKey = secrets.apiKey || NO_KEY_PLACEHOLDER;
    const clock = new _timing_js__WEBPACK_IMPORTED_MODULE_2__/* .AttemptClock */ .Q();
    const sdk = openAiSdk(provider, apiKey, opts, { fetch: clock.fetch, ...(type === 'azure-openai' ? { defaultHeaders: { 'api-key': apiKey } } : {}) });
    return {
        async complete(req, signal) {
            try {
                const { value, latencyMs } = await clock.time((headers) => sdk.chat.completions.create(toChatBody(req), { signal, headers }));
                return fromChatCompletion(value, latencyMs, name);
            }
            catch (err) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeSdkError */ .UU)(err, ERRORS, name, secrets.apiKey);
            }
        },
    };
}
function toChatBody(req) {
    const messages = [];
    if (req.instructions !== undefined)
        messages.push({ role: 'system', content: req.instructions });
    for (const m of req.messages)
        messages.push({ role: m.role, content: m.content });
    // Params first: the request's own fields win over a same-named param.
    const body = { ...req.params, model: req.model, messages };
    if (req.tools?.length)
        body.tools = req.tools.map(toFunctionTool);
    if (req.responseFormat)
        body.response_format = toResponseFormat(req.responseFormat);
    return body;
}
function toFunctionTool(tool) {
    return {
        type: 'function',
        function: {
            name: tool.name,
            ...(tool.description !== undefined ? { description: tool.description } : {}),
            ...(tool.parameters !== undefined ? { parameters: tool.parameters } : {}),
        },
    };
}
function toResponseFormat(format) {
    switch (format.type) {
        case 'text':
        case 'json_object':
            return { type: format.type };
        case 'json_schema':
            return {
                type: 'json_schema',
                json_schema: { name: format.name, schema: format.schema, ...(format.strict !== undefined ? { strict: format.strict } : {}) },
            };
    }
}
function fromChatCompletion(completion, latencyMs, provider) {
    const choice = completion.choices?.[0];
    if (!choice?.message) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LlmError */ .Cf(`${provider}: the response has no choices`, { kind: 'bad-response', provider });
    }
    const toolCalls = [];
    for (const call of choice.message.tool_calls ?? []) {
        if (call.type === 'function')
            toolCalls.push({ name: call.function.name, arguments: parseArguments(call.function.arguments) });
    }
    return {
        text: choice.message.content ?? '',
        toolCalls,
        usage: { inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 },
        latencyMs,
        finishReason: choice.finish_reason ?? 'unknown',
    };
}
/** Models sometimes send arguments that are not JSON; the assertion then says so. */
function parseArguments(raw) {
    try {
        return JSON.parse(raw);
    }
    catch {
        return raw;
    }
}


/***/ }),

/***/ 1169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ AttemptClock)
});

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/llm/http-fetch.ts




/**
 * Idle connections are kept for the next call, as the global fetch keeps them.
 * Free sockets do not hold the process open: Node unrefs them in the pool.
 */
const agents = { 'http:': new external_node_http_.Agent({ keepAlive: true }), 'https:': new external_node_https_.Agent({ keepAlive: true }) };
/** Statuses whose response has no body; `Response` refuses one for them. */
const NO_BODY = new Set([204, 205, 304]);
/**
 * The codings the global fetch decodes. `deflate` comes with the zlib wrapper
 * or without it (servers send both); its first byte tells which. Bodies are
 * decoded whole, on libuv's threads: model answers are small, and are read whole anyway.
 */
const gunzip = (0,external_node_util_.promisify)(external_node_zlib_.gunzip);
const inflate = (0,external_node_util_.promisify)(external_node_zlib_.inflate);
const inflateRaw = (0,external_node_util_.promisify)(external_node_zlib_.inflateRaw);
const DECODERS = {
    gzip: gunzip,
    'x-gzip': gunzip,
    br: (0,external_node_util_.promisify)(external_node_zlib_.brotliDecompress),
    deflate: (body) => ((body[0] & 0x0f) === 0x08 ? inflate(body) : inflateRaw(body)),
};
/** Headers that carry credentials: not sent on to another origin, whatever a redirect says. */
const CREDENTIALS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key'];
/**
 * The SDKs' `fetch` for model calls, over `node:http(s)`. Node 20's global
 * fetch (undici: web streams, a transferable AbortSignal and a Request object
 * per call) took about twice the CPU per call in bench/eval.js, and an eval at
 * concurrency 20 keeps the runner's thread busy for most of its calls.
 *
 * Only the plain case is done here: a URL, a string or bytes body, an optional
 * signal, redirects followed by fetch's rules. Anything else (the batch APIs'
 * file uploads, a `Request`, `redirect: 'manual'`) is left to the global fetch.
 * Whatever goes wrong rejects the call (the SDKs make it a connection error),
 * never the process.
 */
const httpFetch = (input, init) => send(input, init, 0);
/** Redirects followed before giving up, as fetch does. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
async function send(input, init, redirects) {
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : undefined;
    const body = init?.body;
    const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
    const agent = url && agents[url.protocol];
    if (!url || !agent || !plainBody || (init?.redirect && init.redirect !== 'follow'))
        return fetch(input, init);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted)
        throw signal.reason;
    const headers = { 'accept-encoding': 'gzip, deflate, br' };
    // The SDKs (and AttemptClock) hand a Headers already: read as it is, not copied again.
    const given = init?.headers instanceof Headers ? init.headers : new Headers(init?.headers);
    given.forEach((value, name) => (headers[name] = value));
    const res = await new Promise((resolve, reject) => {
        let response;
        const fail = (err) => {
            signal?.removeEventListener('abort', onAbort);
            reject(err);
        };
        // Destroying the request ends it with the signal's reason, an AbortError the SDKs map to a timeout or a cancel.
        const onAbort = () => {
            response?.destroy(signal.reason);
            request.destroy(signal.reason);
        };
        const request = (url.protocol === 'https:' ? external_node_https_ : external_node_http_).request(url, { method: init?.method ?? 'GET', headers, agent }, (head) => {
            response = head;
            const chunks = [];
            head.on('data', (chunk) => chunks.push(chunk));
            head.once('error', fail);
            // A connection cut mid-body ends the response without 'end': that is a failed call, not a short answer.
            head.once('close', () => {
                if (!head.complete)
                    fail(signal?.aborted ? signal.reason : new Error('the connection closed before the response was complete'));
            });
            head.once('end', () => {
                signal?.removeEventListener('abort', onAbort);
                resolve({ head, body: Buffer.concat(chunks) });
            });
        });
        // Nothing here asks to switch protocols: Node drops such a socket without a word, so say it.
        request.once('upgrade', (_res, socket) => {
            socket.destroy();
            fail(new Error(`${url.origin} answered 101 Switching Protocols to a plain request`));
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        request.once('error', fail);
        request.end(body ?? undefined);
    });
    const status = res.head.statusCode ?? 0;
    const location = res.head.headers.location;
    if (REDIRECTS.has(status) && location)
        return redirected(url, location, status, init, redirects);
    if (status < 200 || status > 599)
        throw new Error(`${url.origin} answered with status ${status}, which is not an HTTP response status`);
    const pairs = [];
    for (let i = 0; i < res.head.rawHeaders.length; i += 2)
        pairs.push([res.head.rawHeaders[i], res.head.rawHeaders[i + 1]]);
    const decoded = NO_BODY.has(status) ? null : await decode(res.body, res.head.headers['content-encoding']);
    return new Response(decoded, { status, statusText: res.head.statusMessage ?? '', headers: pairs });
}
/**
 * The body without its content codings, undone last applied first. A body with
 * a coding fetch does not know is handed on as it came, as fetch does.
 */
async function decode(body, header) {
    const codings = (header ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
    if (!codings.every((c) => c in DECODERS))
        return body;
    let out = body;
    for (const coding of codings.reverse())
        out = await DECODERS[coding](out);
    return out;
}
/**
 * The next hop of a redirect, by fetch's rules: 303 (and 301/302 after a POST)
 * turn into a GET without a body; only http(s) is followed. Credentials stay
 * with the origin they were meant for: fetch drops `authorization` and
 * `cookie` on another origin, and here the providers' key headers go too.
 */
function redirected(from, location, status, init, redirects) {
    if (redirects >= MAX_REDIRECTS)
        throw new Error(`more than ${MAX_REDIRECTS} redirects from ${from.origin}${from.pathname}`);
    const to = new URL(location, from);
    if (to.protocol !== 'http:' && to.protocol !== 'https:')
        throw new Error(`${from.origin} redirected to a ${to.protocol} URL; only http and https are followed`);
    const method = (init?.method ?? 'GET').toUpperCase();
    const toGet = status === 303 ? method !== 'GET' && method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
    let next = toGet ? { ...init, method: 'GET', body: undefined } : { ...init };
    if (to.origin !== from.origin) {
        const headers = new Headers(next.headers);
        for (const name of CREDENTIALS)
            headers.delete(name);
        next = { ...next, headers };
    }
    return send(to.href, next, redirects + 1);
}

;// CONCATENATED MODULE: ./src/llm/timing.ts


/** Carries a call's id from `create()` to the fetch of each attempt; removed before the request leaves. */
const CALL_HEADER = 'x-modelshift-call';
/**
 * The SDKs retry inside one `create()` call, sleeping between attempts. Timing
 * the whole call would count those sleeps as model latency, so each client's
 * fetch notes when the latest attempt of a call started. The call is named by
 * a request header the fetch strips again. (AsyncLocalStorage would avoid the
 * header, but on Node 20 it turns on async hooks and more than doubled the
 * eval runner's overhead in bench/eval.js.)
 */
class AttemptClock {
    attemptStarts = new Map();
    nextId = 0;
    /** The `fetch` to hand to the SDK: node:http for model calls (http-fetch.ts). */
    fetch = (input, init) => {
        const headers = new Headers(init?.headers);
        const id = headers.get(CALL_HEADER);
        if (id === null)
            return httpFetch(input, init);
        headers.delete(CALL_HEADER);
        if (this.attemptStarts.has(id))
            this.attemptStarts.set(id, external_node_perf_hooks_.performance.now());
        return httpFetch(input, { ...init, headers });
    };
    /** Runs one SDK call with the headers to pass it, and measures its last attempt. */
    async time(run) {
        const id = String(this.nextId++);
        this.attemptStarts.set(id, external_node_perf_hooks_.performance.now());
        try {
            const value = await run({ [CALL_HEADER]: id });
            return { value, latencyMs: Math.round(external_node_perf_hooks_.performance.now() - (this.attemptStarts.get(id) ?? 0)) };
        }
        finally {
            this.attemptStarts.delete(id);
        }
    }
}


/***/ })

};
