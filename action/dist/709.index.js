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
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/llm/http-fetch.ts



/**
 * Idle connections are kept for the next call, as the global fetch keeps them.
 * Free sockets do not hold the process open: Node unrefs them in the pool.
 */
const agents = { 'http:': new external_node_http_.Agent({ keepAlive: true }), 'https:': new external_node_https_.Agent({ keepAlive: true }) };
/** Statuses whose response has no body; `Response` refuses one for them. */
const NO_BODY = new Set([101, 204, 205, 304]);
/** What the global fetch decodes; anything else is handed on as it came. */
const DECODERS = {
    gzip: () => external_node_zlib_.createGunzip(),
    'x-gzip': () => external_node_zlib_.createGunzip(),
    deflate: () => external_node_zlib_.createInflate(),
    br: () => external_node_zlib_.createBrotliDecompress(),
};
/**
 * The SDKs' `fetch` for model calls, over `node:http(s)`. Node 20's global
 * fetch (undici: web streams, a transferable AbortSignal and a Request object
 * per call) took about twice the CPU per call in bench/eval.js, and an eval at
 * concurrency 20 keeps the runner's thread busy for most of its calls.
 *
 * Only the plain case is done here: a URL, a string or bytes body, an optional
 * signal, redirects followed by fetch's rules. Anything else (the batch APIs'
 * file uploads, a `Request`, `redirect: 'manual'`) is left to the global fetch.
 */
const httpFetch = (input, init) => send(input, init, 0);
/** Redirects followed before giving up, as fetch does. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
function send(input, init, redirects) {
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : undefined;
    const body = init?.body;
    const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
    const agent = url && agents[url.protocol];
    if (!url || !agent || !plainBody || (init?.redirect && init.redirect !== 'follow'))
        return fetch(input, init);
    const signal = init?.signal ?? undefined;
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const headers = { 'accept-encoding': 'gzip, deflate, br' };
        new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
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
        const request = (url.protocol === 'https:' ? external_node_https_ : external_node_http_).request(url, { method: init?.method ?? 'GET', headers, agent }, (res) => {
            response = res;
            const status = res.statusCode ?? 0;
            if (REDIRECTS.has(status) && res.headers.location) {
                res.resume();
                signal?.removeEventListener('abort', onAbort);
                return resolve(redirected(url, res.headers.location, status, init, redirects));
            }
            const decode = DECODERS[res.headers['content-encoding'] ?? ''];
            const stream = decode ? res.pipe(decode()) : res;
            const chunks = [];
            stream.on('data', (chunk) => chunks.push(chunk));
            stream.once('error', fail);
            // A connection cut mid-body ends the response without 'end': that is a failed call, not a short answer.
            res.once('close', () => {
                if (!res.complete)
                    fail(signal?.aborted ? signal.reason : new Error('the connection closed before the response was complete'));
            });
            stream.once('end', () => {
                signal?.removeEventListener('abort', onAbort);
                const pairs = [];
                for (let i = 0; i < res.rawHeaders.length; i += 2)
                    pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
                resolve(new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: pairs }));
            });
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        request.once('error', fail);
        request.end(body ?? undefined);
    });
}
/** The next hop of a redirect, by fetch's rules: 303 (and 301/302 after a POST) turn into a GET without a body. */
function redirected(from, location, status, init, redirects) {
    if (redirects >= MAX_REDIRECTS)
        return Promise.reject(new Error(`more than ${MAX_REDIRECTS} redirects from ${from.origin}${from.pathname}`));
    const method = (init?.method ?? 'GET').toUpperCase();
    const toGet = status === 303 ? method !== 'GET' && method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
    const next = toGet ? { ...init, method: 'GET', body: undefined } : init;
    return send(new URL(location, from).href, next, redirects + 1);
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
