import type { Finding } from '../workspace/types.js';
import { palette } from './colour.js';
import { escapeMarkdown, stripControlChars } from './escape.js';

export interface ValidationCounts {
  files: number;
  agents: number;
  providers: number;
  migrations: number;
  evalSuites: number;
}

type Entry = Omit<Finding, 'severity'>;

/** DESIGN §2 `validate` JSON. */
export interface ValidationReport {
  ok: boolean;
  counts: ValidationCounts;
  errors: Entry[];
  warnings: Entry[];
}

export function validationReport(findings: readonly Finding[], counts: ValidationCounts): ValidationReport {
  const entry = ({ severity: _severity, ...rest }: Finding): Entry => rest;
  const errors = findings.filter((f) => f.severity === 'error').map(entry);
  const warnings = findings.filter((f) => f.severity === 'warning').map(entry);
  return { ok: errors.length === 0, counts, errors, warnings };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function validationSummary(report: ValidationReport): string {
  const { counts } = report;
  const scope = `${plural(counts.files, 'file')} (${plural(counts.agents, 'agent')}, ${plural(counts.providers, 'provider')}, ${plural(counts.migrations, 'migration')}, ${plural(counts.evalSuites, 'eval suite')})`;
  const problems = `${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')}`;
  return report.ok ? `valid: ${scope}, ${plural(report.warnings.length, 'warning')}` : `invalid: ${problems} in ${scope}`;
}

export function renderValidationText(report: ValidationReport, colour: boolean): string {
  const c = palette(colour);
  const lines: string[] = [];
  const all = [
    ...report.errors.map((f) => ({ ...f, label: c.red('error  ') })),
    ...report.warnings.map((f) => ({ ...f, label: c.yellow('warning') })),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  for (const f of all) {
    // Messages quote keys from the files; a key holding terminal escapes must not reach the terminal as one.
    lines.push(`${c.bold(stripControlChars(`${f.file}:${f.line}:${f.column}`))}  ${f.label}  ${stripControlChars(f.message)}  ${c.dim(`[${f.rule}]`)}`);
  }
  if (lines.length) lines.push('');
  const summary = validationSummary(report);
  lines.push(report.ok ? c.green(`✓ ${summary}`) : c.red(`✗ ${summary}`));
  return `${lines.join('\n')}\n`;
}

export function renderValidationMarkdown(report: ValidationReport): string {
  const lines = [`**${report.ok ? '✅' : '❌'} ${escapeMarkdown(validationSummary(report))}**`, ''];
  const rows = [...report.errors.map((f) => ({ ...f, level: 'error' })), ...report.warnings.map((f) => ({ ...f, level: 'warning' }))];
  if (rows.length) {
    lines.push('| | file | problem | rule |', '|---|---|---|---|');
    for (const f of rows) {
      lines.push(`| ${f.level === 'error' ? '❌' : '⚠️'} | \`${escapeCode(`${f.file}:${f.line}:${f.column}`)}\` | ${escapeMarkdown(f.message)} | \`${f.rule}\` |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function escapeCode(text: string): string {
  return text.replace(/[`|]/g, '');
}
