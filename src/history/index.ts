export { agentEvents, agentsAt, isModelChange, newestFirst } from './replay.js';
export { parseDateArg } from './dates.js';
export { readFileSummary } from './read-file.js';
export { migrationOfFiles, migrationOfMessage, prOf } from './attribution.js';
export type * from './types.js';
