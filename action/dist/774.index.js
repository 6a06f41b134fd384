export const id = 774;
export const ids = [774,815];
export const modules = {

/***/ 6774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createAnthropicBatch: () => (/* binding */ createAnthropicBatch)
/* harmony export */ });
/* harmony import */ var _catalog_batch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63);
/* harmony import */ var _secrets_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4200);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9968);
/* harmony import */ var _anthropic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5815);




/** The API's error `type`s, as the kinds an online call's HTTP status would give. */
const KINDS = {
    invalid_request_error: 'request',
    not_found_error: 'request',
    request_too_large: 'request',
    authentication_error: 'auth',
    permission_error: 'auth',
    billing_error: 'auth',
    rate_limit_error: 'rate-limit',
    timeout_error: 'timeout',
    api_error: 'server',
    overloaded_error: 'server',
};
/**
 * Message Batches through `@anthropic-ai/sdk`: `messages.batches.create` with
 * one Messages body per request, `retrieve` to poll, `results` to stream the
 * JSONL of outcomes once processing has ended, `delete` once they are cached
 * (https://platform.claude.com/docs/en/api/deleting-message-batches).
 */
function createAnthropicBatch(provider, secrets, opts) {
    const name = provider.metadata.name;
    if (!secrets.apiKey)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .missingKey */ .aV)(provider);
    const scrub = (0,_secrets_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactor */ .$p)([secrets.apiKey]);
    const sdk = (0,_anthropic_js__WEBPACK_IMPORTED_MODULE_3__.anthropicSdk)(provider, secrets.apiKey, opts);
    const guard = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .sdkGuard */ .i4)(_anthropic_js__WEBPACK_IMPORTED_MODULE_3__.ERRORS, name, secrets.apiKey);
    return {
        maxRequests: _catalog_batch_js__WEBPACK_IMPORTED_MODULE_0__/* .BATCH_FACTS */ .v.anthropic.maxRequests,
        maxBytes: _catalog_batch_js__WEBPACK_IMPORTED_MODULE_0__/* .BATCH_FACTS */ .v.anthropic.maxBytes,
        // One entry of the `requests` array, with its comma.
        itemBytes: (item) => Buffer.byteLength(JSON.stringify(entry(item))) + 1,
        submit: (items, signal) => guard(async () => {
            const requests = items.map(entry);
            return (await sdk.messages.batches.create({ requests }, { signal })).id;
        }),
        status: (id, signal) => guard(async () => {
            const batch = await sdk.messages.batches.retrieve(id, {}, { signal });
            const c = batch.request_counts;
            const ended = batch.processing_status === 'ended';
            return {
                state: ended ? 'ended' : 'running',
                providerStatus: batch.processing_status,
                counts: { total: c.processing + c.succeeded + c.errored + c.canceled + c.expired, completed: c.succeeded, failed: c.errored + c.canceled + c.expired },
                ...(ended ? { ending: batch.cancel_initiated_at ? 'cancelled' : 'completed' } : {}),
            };
        }),
        async *results(id, signal) {
            const lines = await guard(() => sdk.messages.batches.results(id, {}, { signal }));
            const iterator = lines[Symbol.asyncIterator]();
            for (;;) {
                const next = await guard(() => iterator.next());
                if (next.done)
                    return;
                yield outcomeOf(next.value, name, scrub);
            }
        },
        // The batch goes with its results, which hold every prompt and answer: read, they are in the cache.
        async cleanUp(id, signal) {
            try {
                await guard(() => sdk.messages.batches.delete(id, {}, { signal }));
                return [];
            }
            catch (err) {
                if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LlmError */ .Cf))
                    throw err;
                // Already gone: another run that resumed the same batch deleted it first.
                if (err.status === 404)
                    return [];
                return [`could not delete batch ${id} (${err.message}); Anthropic keeps it and its results until it is deleted`];
            }
        },
    };
}
/** One result line as the answer or the error an online call would have given. */
/** One entry of the batch's `requests`. */
function entry(item) {
    return { custom_id: item.customId, params: (0,_anthropic_js__WEBPACK_IMPORTED_MODULE_3__.toMessagesBody)(item.request) };
}
function outcomeOf(line, provider, scrub) {
    const customId = line.custom_id;
    const { result } = line;
    switch (result.type) {
        case 'succeeded':
            return { customId, response: (0,_anthropic_js__WEBPACK_IMPORTED_MODULE_3__.fromMessage)(result.message, 0) };
        case 'errored': {
            const { type, message } = result.error.error;
            return { customId, error: new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LlmError */ .Cf(`${provider}: in a batch, ${type}: ${scrub(message)}`, { kind: KINDS[type] ?? 'server', provider }) };
        }
        case 'expired':
            return { customId, error: new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LlmError */ .Cf(`${provider}: the batch expired before it answered this request (its window is 24 hours)`, { kind: 'timeout', provider }) };
        case 'canceled':
            return { customId, error: new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LlmError */ .Cf(`${provider}: the batch was cancelled before it answered this request`, { kind: 'server', provider }) };
    }
}


/***/ }),

/***/ 5815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ERRORS: () => (/* binding */ ERRORS),
/* harmony export */   JSON_OBJECT_INSTRUCTION: () => (/* binding */ JSON_OBJECT_INSTRUCTION),
/* harmony export */   anthropicSdk: () => (/* binding */ anthropicSdk),
/* harmony export */   createAnthropicClient: () => (/* binding */ createAnthropicClient),
/* harmony export */   fromMessage: () => (/* binding */ fromMessage),
/* harmony export */   toMessagesBody: () => (/* binding */ toMessagesBody)
/* harmony export */ });
/* harmony import */ var _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5064);
/* harmony import */ var _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7766);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9968);
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1169);



const ERRORS = {
    base: _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_2__/* .AnthropicError */ .pJ,
    api: _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_2__/* .APIError */ .LG,
    abort: _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_2__/* .APIUserAbortError */ .cH,
    timeout: _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_2__/* .APIConnectionTimeoutError */ .qA,
    connection: _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_2__/* .APIConnectionError */ .xX,
};
/**
 * The Messages API has no "any JSON object" mode, so `json_object` becomes an
 * instruction at the end of the system prompt. No assistant prefill (`{`) is
 * used: newer models refuse prefill together with some features, and a
 * prefilled answer is not what the agent would return in production.
 */
const JSON_OBJECT_INSTRUCTION = 'Respond with one JSON object and nothing else: no prose before or after it, no Markdown code fences.';
/** The SDK for one provider connection, online and batch alike. */
function anthropicSdk(provider, apiKey, opts, fetch) {
    return new _anthropic_ai_sdk__WEBPACK_IMPORTED_MODULE_3__/* .Anthropic */ .N({
        apiKey,
        // Explicit values so the SDK reads neither the environment nor credential files.
        authToken: null,
        webhookKey: null,
        baseURL: provider.spec.baseURL ?? 'https://api.anthropic.com',
        timeout: opts.timeoutMs,
        maxRetries: opts.maxRetries,
        logLevel: 'off',
        openTelemetry: false,
        ...(fetch ? { fetch } : {}),
    });
}
/**
 * The Messages API through `@anthropic-ai/sdk`: instructions go to `system`,
 * tools carry `input_schema`, and a `json_schema` response format uses the
 * API's structured outputs (`output_config.format`).
 */
function createAnthropicClient(provider, secrets, opts) {
    const name = provider.metadata.name;
    if (!secrets.apiKey)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .missingKey */ .aV)(provider);
    const clock = new _timing_js__WEBPACK_IMPORTED_MODULE_1__/* .AttemptClock */ .Q();
    const sdk = anthropicSdk(provider, secrets.apiKey, opts, clock.fetch);
    return {
        async complete(req, signal) {
            try {
                // The SDK's own transport (retries, errors, timeout), without `messages.create`, which
                // prints a deprecation banner to the console on every call; modelshift reports a model's
                // retirement itself, once, from the catalog.
                const { value, latencyMs } = await clock.time((headers) => sdk.post('/v1/messages', { body: toMessagesBody(req), signal, headers, timeout: opts.timeoutMs }));
                return fromMessage(value, latencyMs);
            }
            catch (err) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeSdkError */ .UU)(err, ERRORS, name, secrets.apiKey);
            }
        },
    };
}
function toMessagesBody(req) {
    const body = { ...req.params, model: req.model, messages: req.messages.map((m) => ({ role: m.role, content: m.content })) };
    const system = [req.instructions, req.responseFormat?.type === 'json_object' ? JSON_OBJECT_INSTRUCTION : undefined].filter((s) => s !== undefined);
    if (system.length)
        body.system = system.join('\n\n');
    if (req.tools?.length)
        body.tools = req.tools.map(toAnthropicTool);
    if (req.responseFormat?.type === 'json_schema') {
        const outputConfig = isRecord(req.params.output_config) ? req.params.output_config : {};
        body.output_config = { ...outputConfig, format: { type: 'json_schema', schema: req.responseFormat.schema } };
    }
    // `max_tokens`, which the type requires, is a provider-native param the agent
    // carries; the catalog check (`validate`, `plan`) reports it when missing.
    return body;
}
function toAnthropicTool(tool) {
    return {
        name: tool.name,
        ...(tool.description !== undefined ? { description: tool.description } : {}),
        // The API requires a schema; a tool without parameters takes an empty object.
        input_schema: { type: 'object', ...tool.parameters },
    };
}
function fromMessage(message, latencyMs) {
    const text = [];
    const toolCalls = [];
    for (const block of message.content ?? []) {
        if (block.type === 'text')
            text.push(block.text);
        else if (block.type === 'tool_use')
            toolCalls.push({ name: block.name, arguments: block.input });
    }
    const usage = message.usage;
    return {
        text: text.join(''),
        toolCalls,
        // Cache writes and reads are input the model processed, billed as input.
        usage: {
            inputTokens: (usage?.input_tokens ?? 0) + (usage?.cache_creation_input_tokens ?? 0) + (usage?.cache_read_input_tokens ?? 0),
            outputTokens: usage?.output_tokens ?? 0,
        },
        latencyMs,
        finishReason: message.stop_reason ?? 'unknown',
    };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
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
