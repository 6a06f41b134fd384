/** Counts over every batch of one provider, for the progress line. */
export interface BatchTally {
  provider: string;
  batches: number;
  requests: number;
  completed: number;
  failed: number;
}

export function submittedLine(provider: string, submitted: { requests: number; ids: string[] }, resumed: string[]): string {
  const parts: string[] = [];
  if (submitted.ids.length) parts.push(`submitted ${submitted.requests} requests in ${plural(submitted.ids.length, 'batch')} (${submitted.ids.join(', ')})`);
  if (resumed.length) parts.push(`resumed ${plural(resumed.length, 'pending batch')} (${resumed.join(', ')})`);
  return `batch ${provider}: ${parts.join('; ')}\n`;
}

export function progressLine(t: BatchTally, polls: number): string {
  const inProgress = Math.max(0, t.requests - t.completed - t.failed);
  return `batch ${t.provider}: ${plural(t.requests, 'request')} in ${plural(t.batches, 'batch')} · ${t.completed} completed · ${t.failed} failed · ${inProgress} in progress (${plural(polls, 'poll')})\n`;
}

export function doneLine(provider: string, done: { answered: number; failed: number; retriedOnline: number }): string {
  const retried = done.failed ? `; ${done.retriedOnline} of the failed retried online, ${done.failed - done.retriedOnline} reported as errors` : '';
  return `batch ${provider}: ended, ${done.answered} answered, ${done.failed} failed${retried}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('h') ? 'es' : 's'}`;
}
