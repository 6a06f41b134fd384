import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One test file per core, not Vitest's cores − 1: most files wait on the git, node and server
    // processes they start. On a 2-core machine the suite took 829 s with one worker, 489 s with two.
    maxWorkers: availableParallelism(),
  },
});
