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
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1865);



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

/***/ 1865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ AttemptClock)
/* harmony export */ });
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__);

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
    /** The `fetch` to hand to the SDK. */
    fetch = (input, init) => {
        const headers = new Headers(init?.headers);
        const id = headers.get(CALL_HEADER);
        if (id === null)
            return fetch(input, init);
        headers.delete(CALL_HEADER);
        if (this.attemptStarts.has(id))
            this.attemptStarts.set(id, node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__.performance.now());
        return fetch(input, { ...init, headers });
    };
    /** Runs one SDK call with the headers to pass it, and measures its last attempt. */
    async time(run) {
        const id = String(this.nextId++);
        this.attemptStarts.set(id, node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__.performance.now());
        try {
            const value = await run({ [CALL_HEADER]: id });
            return { value, latencyMs: Math.round(node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__.performance.now() - (this.attemptStarts.get(id) ?? 0)) };
        }
        finally {
            this.attemptStarts.delete(id);
        }
    }
}


/***/ })

};
