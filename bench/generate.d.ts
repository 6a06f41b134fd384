/** Types of generate.js, for the tests that build large workspaces with it. */
export function generateWorkspace(dir: string, options?: { agents?: number; teams?: number; sourceEvery?: number }): Promise<void>;
