import { describe, expect, it } from 'vitest';
import { RawLogParser, type RawCommit } from '../../src/git/log-parse.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const ZERO = '0'.repeat(40);
const BLOB1 = '1'.repeat(40);
const BLOB2 = '2'.repeat(40);

/** What `git log -z --raw --format=LOG_FORMAT` writes: header fields, then raw entries, all NUL-terminated. */
const OUTPUT = [
  `\x1e${B}\x00${A}\x00Dana\x002026-11-20T09:00:00+01:00\x00Merge pull request #12 from acme/modelshift/x\n\nbody with \x1e inside\n\x00`,
  `\n:100644 100644 ${BLOB1} ${BLOB2} M\x00agents/a.yaml\x00`,
  `:100644 100644 ${BLOB2} ${BLOB2} R100\x00agents/old.yaml\x00agents/new name.yaml\x00`,
  `:100644 000000 ${BLOB1} ${ZERO} D\x00agents/gone.yaml\x00`,
  `:100644 120000 ${BLOB1} ${BLOB2} T\x00agents/link.yaml\x00`,
  `\x1e${A}\x00\x00Alice\x002026-11-19T09:00:00Z\x00first\n\x00`,
  `\n:000000 100755 ${ZERO} ${BLOB1} A\x00agents/ünïcode.yaml\x00`,
].join('');

const EXPECTED: RawCommit[] = [
  {
    sha: B,
    parents: [A],
    author: 'Dana',
    date: '2026-11-20T09:00:00+01:00',
    message: 'Merge pull request #12 from acme/modelshift/x\n\nbody with \x1e inside\n',
    changes: [
      { status: 'M', path: 'agents/a.yaml', blob: BLOB2 },
      { status: 'R', oldPath: 'agents/old.yaml', path: 'agents/new name.yaml', blob: BLOB2 },
      { status: 'D', path: 'agents/gone.yaml', blob: null },
      { status: 'T', path: 'agents/link.yaml', blob: null },
    ],
  },
  { sha: A, parents: [], author: 'Alice', date: '2026-11-19T09:00:00Z', message: 'first\n', changes: [{ status: 'A', path: 'agents/ünïcode.yaml', blob: BLOB1 }] },
];

function parseInChunks(bytes: Buffer, size: number): RawCommit[] {
  const parser = new RawLogParser();
  const commits: RawCommit[] = [];
  for (let at = 0; at < bytes.length; at += size) commits.push(...parser.push(bytes.subarray(at, at + size)));
  return [...commits, ...parser.end()];
}

describe('RawLogParser', () => {
  it('reads header fields and raw entries by position, whatever the message holds', () => {
    expect(parseInChunks(Buffer.from(OUTPUT), 1 << 16)).toEqual(EXPECTED);
  });

  it('gives the same commits however the stream is cut, even inside a UTF-8 character', () => {
    const bytes = Buffer.from(OUTPUT);
    for (const size of [1, 2, 3, 7, 64]) expect(parseInChunks(bytes, size)).toEqual(EXPECTED);
  });

  it('keeps a commit without changes and one whose output has no final NUL', () => {
    const text = `\x1e${A}\x00\x00Alice\x002026-11-19T09:00:00Z\x00empty\n\x00\x1e${B}\x00${A}\x00Bob\x002026-11-20T09:00:00Z\x00last`;
    expect(parseInChunks(Buffer.from(text), 5).map((c) => [c.sha, c.message, c.changes.length])).toEqual([
      [A, 'empty\n', 0],
      [B, 'last', 0],
    ]);
  });

  it('refuses output cut in the middle of a record', () => {
    const parser = new RawLogParser();
    parser.push(Buffer.from(`\x1e${A}\x00\x00Alice\x00`));
    expect(() => parser.end()).toThrow(/middle of a commit header/);
    const entry = new RawLogParser();
    entry.push(Buffer.from(`\x1e${A}\x00\x00Alice\x002026-11-19T09:00:00Z\x00m\x00\n:100644 100644 ${BLOB1} ${BLOB2} R100\x00old.yaml\x00`));
    expect(() => entry.end()).toThrow(/middle of a raw diff entry/);
  });
});
