import type { ScanResult } from '../scan/types.js';
import { palette } from './colour.js';
import { groupByModel, summaryLine, verdictText } from './scan-common.js';

/** Terminal output: one block per model, retired and retiring first, each reference on its own line. */
export function renderScanText(result: ScanResult, colour: boolean): string {
  const c = palette(colour);
  const out: string[] = [];
  for (const group of groupByModel(result)) {
    const tone = group.head.verdict === 'retired' ? c.red : group.head.verdict === 'retiring' ? c.yellow : (s: string) => s;
    const n = group.references.length;
    out.push(`${c.bold(group.model)} ${c.dim(`(${group.provider})`)} · ${tone(verdictText(group.head))} · ${n} reference${n === 1 ? '' : 's'}`);
    for (const ref of group.references) {
      const written = ref.model === group.model ? '' : `  ${ref.model}`;
      out.push(`  ${ref.file}:${ref.line}:${ref.column}  ${ref.kind} (${ref.place})${written}${ref.rewritable ? '' : c.dim('  not rewritable')}`);
    }
    out.push('');
  }
  out.push(c.bold(summaryLine(result)));
  return `${out.join('\n')}\n`;
}
