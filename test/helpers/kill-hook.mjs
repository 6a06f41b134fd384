// Preloaded into a real modelshift child process (node --import) by the kill
// tests: counts the file operations that change the disk and sends the
// process SIGKILL at the chosen one, before or after it is carried out.
// MODELSHIFT_KILL_AT="<n>:<before|after>"; the count of operations seen so far
// is written to MODELSHIFT_KILL_COUNT_FILE at exit, so a test can learn the
// range to draw kill points from.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const [at, when] = (process.env.MODELSHIFT_KILL_AT ?? '0:before').split(':');
const target = Number(at);
const countFile = process.env.MODELSHIFT_KILL_COUNT_FILE;
const log = [];
let count = 0;

const wrap = (name, counts = () => true) => {
  const original = fs[name];
  fs[name] = function (...args) {
    if (!counts(...args)) return original.apply(this, args);
    count++;
    log.push(`${name} ${String(args[0]).split('/').slice(-2).join('/')}`);
    if (count === target && when === 'before') process.kill(process.pid, 'SIGKILL');
    const result = original.apply(this, args);
    if (count === target && when === 'after') process.kill(process.pid, 'SIGKILL');
    return result;
  };
};
wrap('openSync', (_file, flags) => flags === 'wx');
wrap('renameSync');
wrap('linkSync');
wrap('unlinkSync');
wrap('rmdirSync');
syncBuiltinESMExports();

if (countFile) process.on('exit', () => fs.writeFileSync(countFile, JSON.stringify({ count, log })));
