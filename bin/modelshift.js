#!/usr/bin/env node
// The bundle of dist/src (scripts/bundle.js): a run loads a few dozen files instead of ~450 modules.
import { main } from '../dist/cli/cli.js';

process.exitCode = await main(process.argv.slice(2));
