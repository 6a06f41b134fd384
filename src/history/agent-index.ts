import type { AgentModel, Canary, ModelId } from './types.js';

/** What the index keeps of an agent: its model and its canary, if any. */
interface Placement extends ModelId {
  rollout?: Canary;
}

export interface PlacedAgent extends Placement {
  file: string;
}

/**
 * Every agent of the workspace at one commit, by file and by name. Agents are
 * keyed by `metadata.name`, not by path, so moving an agent to another file is
 * not a change. While a name is (wrongly) defined in two files, the most
 * recently written definition counts.
 */
export class AgentIndex {
  private readonly files = new Map<string, AgentModel[]>();
  /** name → file → model; insertion order is write order, so the last entry is the newest. */
  private readonly byName = new Map<string, Map<string, Placement>>();

  agentsIn(file: string): AgentModel[] {
    return this.files.get(file) ?? [];
  }

  find(name: string): PlacedAgent | undefined {
    const places = this.byName.get(name);
    if (!places) return undefined;
    let newest: PlacedAgent | undefined;
    for (const [file, model] of places) newest = { file, ...model };
    return newest;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  setFile(file: string, agents: AgentModel[]): void {
    this.removeFile(file);
    if (agents.length === 0) return;
    this.files.set(file, agents);
    for (const { name, provider, model, rollout } of agents) {
      const places = this.byName.get(name) ?? new Map<string, Placement>();
      places.delete(file);
      places.set(file, rollout ? { provider, model, rollout } : { provider, model });
      this.byName.set(name, places);
    }
  }

  removeFile(file: string): void {
    const agents = this.files.get(file);
    if (!agents) return;
    this.files.delete(file);
    for (const { name } of agents) {
      const places = this.byName.get(name);
      places?.delete(file);
      if (places?.size === 0) this.byName.delete(name);
    }
  }
}
