export const id = 676;
export const ids = [676];
export const modules = {

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

/***/ 1676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readScanSettings: () => (/* binding */ readScanSettings)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _catalog_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(609);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9451);




/**
 * What scan takes from a `modelshift.yaml` in the folder it scans, when there is one:
 * `spec.ignore` and `spec.catalog.models` (retirement dates and private models). A folder
 * that is not a modelshift workspace scans with the built-in catalog.
 */
async function readScanSettings(root) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, 'modelshift.yaml'), 'utf8').catch(() => undefined);
    if (text === undefined)
        return { ids: new _ids_js__WEBPACK_IMPORTED_MODULE_3__/* .IdMatcher */ .wm(new _catalog_index_js__WEBPACK_IMPORTED_MODULE_2__/* .Catalog */ .WC()), ignore: [] };
    // Loaded only for a workspace: a plain repository scans without the YAML parser and zod.
    const [{ yaml }, { WorkspaceConfig }] = await Promise.all([__webpack_require__.e(/* import() */ 451).then(__webpack_require__.bind(__webpack_require__, 451)), Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5086))]);
    let data;
    try {
        data = yaml.parse(text);
    }
    catch {
        data = undefined;
    }
    const config = WorkspaceConfig.safeParse(data);
    if (!config.success) {
        return { ids: new _ids_js__WEBPACK_IMPORTED_MODULE_3__/* .IdMatcher */ .wm(new _catalog_index_js__WEBPACK_IMPORTED_MODULE_2__/* .Catalog */ .WC()), ignore: [], warning: 'modelshift.yaml is invalid, so its spec.ignore and spec.catalog are not used; run modelshift validate' };
    }
    const models = config.data.spec.catalog?.models ?? {};
    return { ids: new _ids_js__WEBPACK_IMPORTED_MODULE_3__/* .IdMatcher */ .wm(new _catalog_index_js__WEBPACK_IMPORTED_MODULE_2__/* .Catalog */ .WC(models), Object.keys(models)), ignore: config.data.spec.ignore ?? [] };
}


/***/ })

};
