/**
 * Request parameters each API accepts besides the ones modelshift fills in
 * itself (model, messages, system, tools, response format). A name outside
 * these lists is most often a typo (`temprature`), which the API either
 * refuses or silently ignores. Read from the request types of the SDKs
 * modelshift ships (openai 6.49 `ChatCompletionCreateParamsBase`,
 * @anthropic-ai/sdk 1.12 `MessageCreateParamsBase`); temperature, top_p and
 * top_k are kept for Anthropic's older models, which still take them.
 */
export const KNOWN_PARAMS: Record<'openai' | 'anthropic', ReadonlySet<string>> = {
  openai: new Set([
    'audio', 'frequency_penalty', 'function_call', 'functions', 'logit_bias', 'logprobs', 'max_completion_tokens', 'max_tokens',
    'metadata', 'modalities', 'moderation', 'n', 'parallel_tool_calls', 'prediction', 'presence_penalty', 'prompt_cache_key',
    'prompt_cache_options', 'prompt_cache_retention', 'reasoning_effort', 'safety_identifier', 'seed', 'service_tier', 'stop', 'store',
    'stream', 'stream_options', 'temperature', 'tool_choice', 'top_logprobs', 'top_p', 'user', 'verbosity', 'web_search_options',
  ]),
  anthropic: new Set([
    'cache_control', 'container', 'context_management', 'diagnostics', 'inference_geo', 'max_tokens', 'mcp_servers', 'metadata',
    'output_config', 'service_tier', 'speed', 'stop_sequences', 'stream', 'temperature', 'thinking', 'tool_choice', 'top_k', 'top_p',
  ]),
};

/** The known name closest to `name` when it is a likely typo of it (edit distance ≤ 2; ≤ 1 for short names). */
export function closestParam(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = name.length <= 4 ? 1 : 2;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate, limit);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= limit ? best : undefined;
}

/** Damerau–Levenshtein distance (adjacent swaps count once), stopping early past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
