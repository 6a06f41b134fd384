import type { ReferencesPlan } from '../scan/rewrite.js';
import { palette } from './colour.js';
import { escapeMarkdown } from './escape.js';

function countLine(refs: ReferencesPlan): string {
  const warned = refs.warnings.length ? `, ${refs.warnings.length} not rewritten (see warnings)` : '';
  return `${refs.changes.length} reference${refs.changes.length === 1 ? '' : 's'} rewritten outside modelshift files${warned}`;
}

/** The plan's `references` block for the terminal: what changes where, what is left and why, its own diff. */
export function renderReferencesText(refs: ReferencesPlan, colour: boolean): string {
  if (!refs.configured) return '';
  const c = palette(colour);
  const out = [c.bold(`References (spec.references): ${countLine(refs)}`)];
  for (const ch of refs.changes) out.push(`  ${c.yellow('~')} ${ch.file}:${ch.line}:${ch.column}  ${ch.before} → ${ch.after}  ${c.dim(`${ch.kind} (${ch.place})`)}`);
  for (const w of refs.warnings) out.push(`  ${c.yellow('!')} ${w.file}:${w.line}:${w.column}: ${w.message}`);
  for (const e of refs.errors) out.push(`  ${c.red('✗')} ${e.file}:${e.line}:${e.column}: ${e.message}`);
  out.push('');
  if (refs.diff) {
    for (const line of refs.diff.replace(/\n$/, '').split('\n')) {
      out.push(line.startsWith('+') && !line.startsWith('+++') ? c.green(line) : line.startsWith('-') && !line.startsWith('---') ? c.red(line) : line.startsWith('@@') ? c.dim(line) : line);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** The same for PR bodies and comments. */
export function renderReferencesMarkdown(refs: ReferencesPlan): string {
  if (!refs.configured) return '';
  const out = ['', `### References outside modelshift files`, '', countLine(refs), ''];
  if (refs.changes.length) {
    out.push('| Where | Before | After | Kind |', '|---|---|---|---|');
    for (const ch of refs.changes) out.push(`| ${escapeMarkdown(`${ch.file}:${ch.line}:${ch.column}`)} | ${escapeMarkdown(ch.before)} | ${escapeMarkdown(ch.after)} | ${ch.kind} (${ch.place}) |`);
    out.push('');
  }
  for (const w of [...refs.warnings, ...refs.errors]) out.push(`- ⚠️ ${escapeMarkdown(`${w.file}:${w.line}:${w.column}`)}: ${escapeMarkdown(w.message)}`);
  if (refs.diff) out.push('', '<details><summary>Diff of the references</summary>', '', '```diff', refs.diff.replace(/```/g, '`\u200b``').replace(/\n$/, ''), '```', '', '</details>');
  return `${out.join('\n')}\n`;
}

/** `references` in the plan JSON. */
export function referencesJson(refs: ReferencesPlan) {
  return {
    changes: refs.changes,
    warnings: refs.warnings,
    errors: refs.errors,
    summary: { rewritten: refs.changes.length, warned: refs.warnings.length, outside: refs.outside, notCovered: refs.notCovered },
    diff: refs.diff,
  };
}
