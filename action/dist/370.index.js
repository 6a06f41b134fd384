export const id = 370;
export const ids = [370];
export const modules = {

/***/ 4370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   progressLine: () => (/* binding */ progressLine),
/* harmony export */   renderEvalText: () => (/* binding */ renderEvalText)
/* harmony export */ });
/* harmony import */ var _eval_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4991);
/* harmony import */ var _colour_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8018);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7789);
/* harmony import */ var _eval_shared_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3824);




/** The eval report for a terminal: summary, gate, one table row per agent, regressions. */
function renderEvalText(report, opts) {
    const c = (0,_colour_js__WEBPACK_IMPORTED_MODULE_2__/* .palette */ .M)(opts.color);
    const maxOutputChars = opts.maxOutputChars ?? 300;
    const out = [`Eval: ${(0,_eval_shared_js__WEBPACK_IMPORTED_MODULE_1__/* .evalSummaryLine */ .b0)(report)}`];
    out.push(report.gate.passed ? c.green(c.bold('Gate passed')) : c.red(c.bold('Gate failed')));
    for (const reason of report.gate.reasons)
        out.push(`  - ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(reason)}`);
    if (report.interrupted)
        out.push(c.yellow(`Interrupted: ${report.summary.base.notRun + report.summary.head.notRun} case runs did not run`));
    if (report.agents.length) {
        out.push('', ...table(report.agents, c));
    }
    for (const s of report.skipped)
        out.push(c.dim(`skipped ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(s.name)}: ${s.reason}`));
    const regressions = report.agents.flatMap((a) => a.regressions.map((diff) => ({ agent: a, diff })));
    if (regressions.length)
        out.push('', c.bold(`Regressions (${regressions.length})`), ...regressions.flatMap(({ agent, diff }) => caseBlock(agent.name, diff, c, maxOutputChars)));
    // Regressions are listed above; these still fail at head for another reason (most often: on both sides).
    const failing = report.agents.flatMap((a) => a.failing.filter((f) => f.trend !== 'worse').map((diff) => ({ agent: a, diff })));
    if (failing.length) {
        out.push('', c.bold(`Failing at head, not regressions (${failing.length})`), ...failing.flatMap(({ agent, diff }) => caseBlock(agent.name, diff, c, maxOutputChars)));
    }
    const improvements = report.agents.flatMap((a) => a.improvements.map((diff) => ({ agent: a.name, diff })));
    if (improvements.length) {
        out.push('', c.bold(`Improvements (${improvements.length})`));
        for (const { agent, diff } of improvements)
            out.push(`  ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(agent)}  ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(diff.suite)} / ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(diff.case)}  ${(0,_eval_shared_js__WEBPACK_IMPORTED_MODULE_1__/* .passesText */ .pd)(diff)}`);
    }
    const errors = report.agents.flatMap((a) => a.errors.map((e) => ({ agent: a.name, ...e })));
    if (errors.length) {
        out.push('', c.bold(`Errors (${errors.length})`));
        for (const e of errors.slice(0, 10))
            out.push(`  ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(e.agent)} ${e.side} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(e.suite)} / ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(e.case)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(e.message)}`);
        if (errors.length > 10)
            out.push(c.dim(`  …and ${errors.length - 10} more`));
    }
    out.push('', c.dim(`${report.calls} calls, ${report.cached} from cache, cost ${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(report.costUsd.total)}`));
    const batch = (0,_eval_shared_js__WEBPACK_IMPORTED_MODULE_1__/* .batchLine */ .Be)(report);
    if (batch)
        out.push(c.dim((0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(batch)));
    return `${out.join('\n')}\n`;
}
/** One status line for stderr while evals run: `eval 120/400 · 80 calls · 40 cached · 2 errors`. */
function progressLine(p) {
    return `eval ${p.done}/${p.total} · ${p.calls} calls · ${p.cached} cached · ${p.errors} errors`;
}
const HEADERS = ['agent', 'model', 'pass rate', 'Δ', 'significant', 'errors', 'cost', 'tokens in/out', 'p50', 'p95'];
function table(agents, c) {
    const rows = agents.map((a) => {
        const { base, head } = a;
        return [
            (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(a.name),
            base.model === head.model ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(base.model) : `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(base.model)} → ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(head.model)}`,
            `${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .percent */ .KN)(base.passRate)} → ${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .percent */ .KN)(head.passRate)}`,
            (0,_eval_shared_js__WEBPACK_IMPORTED_MODULE_1__/* .passRateChange */ .i7)(base, head),
            (0,_eval_shared_js__WEBPACK_IMPORTED_MODULE_1__/* .significanceLabel */ .Ym)(a.significance),
            `${base.errors} → ${head.errors}`,
            `${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(base.costUsd)} → ${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(head.costUsd)} ${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .signedPercent */ .wu)((0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .relativeChange */ .N0)(base.costUsd, head.costUsd))}`,
            `${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .tokens */ .LU)(base.inputTokens)}/${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .tokens */ .LU)(base.outputTokens)} → ${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .tokens */ .LU)(head.inputTokens)}/${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .tokens */ .LU)(head.outputTokens)}`,
            `${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .millis */ .ne)(base.latencyP50Ms)} → ${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .millis */ .ne)(head.latencyP50Ms)}`,
            `${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .millis */ .ne)(base.latencyP95Ms)} → ${(0,_eval_format_js__WEBPACK_IMPORTED_MODULE_0__/* .millis */ .ne)(head.latencyP95Ms)}`,
        ];
    });
    const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
    const line = (cells) => cells.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)).join('  ').trimEnd();
    // Colour goes on after padding so escape codes do not count as width.
    return [
        c.bold(line(HEADERS)),
        ...rows.map((r, i) => {
            const text = line(r);
            const agent = agents[i];
            if (agent.significance.worse)
                return c.red(text);
            return text;
        }),
    ];
}
function caseBlock(agent, diff, c, max) {
    const runs = diff.passes.base.runs > 1 || diff.passes.head.runs > 1 ? `  ${(0,_eval_shared_js__WEBPACK_IMPORTED_MODULE_1__/* .passesText */ .pd)(diff)}, #${diff.repeat} shown` : '';
    return [`  ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(agent)}  ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(diff.suite)} / ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)(diff.case)}${runs}`, ...side('base', diff.base, c, max), ...side('head', diff.head, c, max)];
}
function side(label, outcome, c, max) {
    const verdict = outcome.status === 'pass' ? c.green('pass') : outcome.status === 'error' ? c.yellow('error') : c.red('fail');
    const why = outcome.status === 'pass' ? '' : ` ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)((0,_eval_shared_js__WEBPACK_IMPORTED_MODULE_1__/* .outcomeWhy */ .zo)(outcome))}`;
    const text = (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .stripControlChars */ .BF)((0,_eval_shared_js__WEBPACK_IMPORTED_MODULE_1__/* .outcomeText */ .EL)(outcome, max))
        .split('\n')
        .map((l) => `      ${c.dim(l)}`);
    return [`    ${label}: ${verdict}${why}`, ...text];
}


/***/ })

};
