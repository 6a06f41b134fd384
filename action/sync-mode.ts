import type { CommandContext } from '../src/commands/context.js';
import { syncCommand } from '../src/commands/sync.js';
import { renderSyncMarkdown } from '../src/render/sync-markdown.js';
import type { ActionInputs } from './inputs.js';
import type { ModeResult } from './mode.js';

/**
 * `mode: sync` (on push to main): every target of `spec.sync.targets` gets
 * the merged state, as `modelshift sync` does; the job summary shows what
 * each target got. Pruning stays a CLI decision (`--prune`), never a default.
 */
export async function syncMode(ctx: CommandContext, inputs: ActionInputs): Promise<ModeResult> {
  const { data } = await syncCommand(ctx, { format: 'text', ...(inputs.syncTarget ? { target: inputs.syncTarget } : {}) });
  const changed = data.targets.reduce((n, t) => n + t.counts.created + t.counts.updated, 0);
  return {
    outputs: { synced: String(changed), drift: String(data.drift) },
    annotations: [],
    notices: [`synced ${data.targets.length} target${data.targets.length === 1 ? '' : 's'}: ${changed} agent${changed === 1 ? '' : 's'} created or updated`],
    warnings: [],
    summary: renderSyncMarkdown(data),
  };
}
