// The CLI as tsc built it, module by module (dist/src), for tests that compare it with the bundle bin/modelshift.js runs.
import { main } from '../../dist/src/cli.js';

process.exitCode = await main(process.argv.slice(2));
