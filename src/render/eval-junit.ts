import type { EvalReport } from '../eval/types.js';
import { resultRows, type ResultRow } from './eval-rows.js';

/**
 * `.junit.xml`: one `<testsuite>` per agent and side, one `<testcase>` per
 * case run, so CI systems list them. A failed assertion is a `<failure>`, an
 * errored call an `<error>` (not a failure of the model), a run that did not
 * happen `<skipped>`. The output goes to `<system-out>`.
 */
export function renderEvalJunit(report: EvalReport): string {
  const rows = resultRows(report);
  const suites = new Map<string, ResultRow[]>();
  for (const row of rows) {
    const key = `${row.agent} (${row.side}: ${row.provider}/${row.model})`;
    suites.set(key, [...(suites.get(key) ?? []), row]);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="modelshift eval"${counts(rows)}>`];
  for (const [name, cases] of suites) {
    out.push(`  <testsuite name="${xml(name)}"${counts(cases)}>`);
    for (const row of cases) out.push(...testcase(row));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function counts(rows: ResultRow[]): string {
  const n = (status: ResultRow['status']) => rows.filter((r) => r.status === status).length;
  const time = rows.reduce((s, r) => s + (r.latencyMs ?? 0), 0) / 1000;
  return ` tests="${rows.length}" failures="${n('fail')}" errors="${n('error')}" skipped="${n('not-run')}" time="${time.toFixed(3)}"`;
}

function testcase(row: ResultRow): string[] {
  const repeat = row.repeat > 1 ? ` #${row.repeat}` : '';
  const time = row.latencyMs === null ? '' : ` time="${(row.latencyMs / 1000).toFixed(3)}"`;
  const open = `    <testcase classname="${xml(`${row.agent}.${row.side}`)}" name="${xml(`${row.suite} / ${row.case}${repeat}`)}"${time}>`;
  const body: string[] = [];
  if (row.status === 'fail') body.push(`      <failure message="${xml(row.reason)}" type="assertion">${xmlText(row.reason)}</failure>`);
  if (row.status === 'error') body.push(`      <error message="${xml(row.reason)}" type="${xml(row.error?.kind ?? 'error')}">${xmlText(row.reason)}</error>`);
  if (row.status === 'not-run') body.push(`      <skipped message="${xml(row.reason)}"/>`);
  const output = [row.output, ...row.toolCalls.map((c) => `→ ${c.name}(${JSON.stringify(c.arguments)})`)].filter(Boolean).join('\n');
  if (output) body.push(`      <system-out>${xmlText(output)}</system-out>`);
  return body.length ? [open, ...body, '    </testcase>'] : [`${open.slice(0, -1)}/>`];
}

/** Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates) are dropped; markup is escaped. */
function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** As `xmlText`, plus quotes and the whitespace an attribute would otherwise normalise away. */
function xml(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
