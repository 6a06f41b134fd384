import type { CaseResult, CaseStatus, EvalReport, Side } from '../eval/types.js';

/** One case run of one side of one agent, flat: a JSONL line, a CSV row, a JUnit testcase. */
export interface ResultRow {
  agent: string;
  side: Side;
  suite: string;
  case: string;
  repeat: number;
  provider: string;
  model: string;
  status: CaseStatus;
  /** Why it did not pass: the error, or the failed assertions' reasons; empty when it passed. */
  reason: string;
  output: string;
  toolCalls: { name: string; arguments: unknown }[];
  assertions: CaseResult['assertions'];
  error: CaseResult['error'] | null;
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cached: boolean;
}

/** Every result of every agent, in report order (per agent: base runs, then head runs). */
export function resultRows(report: EvalReport): ResultRow[] {
  return report.agents.flatMap((agent) => agent.results.map(rowOf));
}

function rowOf(r: CaseResult): ResultRow {
  return {
    agent: r.agent,
    side: r.side,
    suite: r.suite,
    case: r.case,
    repeat: r.repeat,
    provider: r.provider,
    model: r.model,
    status: r.status,
    reason: reasonOf(r),
    output: r.response?.text ?? '',
    toolCalls: r.response?.toolCalls ?? [],
    assertions: r.assertions,
    error: r.error ?? null,
    latencyMs: r.response?.latencyMs ?? null,
    inputTokens: r.response?.usage.inputTokens ?? null,
    outputTokens: r.response?.usage.outputTokens ?? null,
    cached: r.cached,
  };
}

function reasonOf(r: CaseResult): string {
  if (r.error) return r.error.message;
  if (r.status === 'not-run') return 'did not run (interrupted)';
  return r.assertions
    .filter((a) => !a.pass)
    .map((a) => `${a.type}: ${a.reason}`)
    .join('; ');
}

/** `.jsonl`: one JSON object per line, one line per agent × case × side (× repeat). */
export function renderEvalJsonl(report: EvalReport): string {
  return resultRows(report)
    .map((row) => `${JSON.stringify(row)}\n`)
    .join('');
}

const CSV_COLUMNS = ['agent', 'side', 'suite', 'case', 'repeat', 'provider', 'model', 'status', 'reason', 'output', 'latencyMs', 'inputTokens', 'outputTokens', 'cached'] as const;

/**
 * `.csv` (RFC 4180, CRLF), the JSONL rows without the nested fields. A cell
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * gets a leading apostrophe: model output is untrusted.
 */
export function renderEvalCsv(report: EvalReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of resultRows(report)) lines.push(CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
