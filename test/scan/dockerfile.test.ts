import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/index.js';
import { fileKind } from '../../src/scan/finders/kinds.js';
import { IdMatcher } from '../../src/scan/ids.js';
import { planReferences } from '../../src/scan/rewrite.js';
import { scanText } from '../../src/scan/scan.js';

const catalog = new Catalog();
const ids = new IdMatcher(catalog);
const TODAY = '2026-12-01';

const DOCKERFILE = [
  'FROM node:20-slim',
  'ARG MODEL=gpt-4.1',
  'ARG BUILD_ONLY',
  'env OPENAI_MODEL="gpt-4.1" NODE_ENV=production \\',
  "    FALLBACK_MODEL='gpt-4o-mini'",
  'ENV SUMMARY_MODEL gpt-4.1',
  'ENV QUOTED_MODEL "gpt-4.1"\r',
  'ENV MODELS gpt-4.1 gpt-4o',
  'ENV CHAT_MODEL=gpt-9-turbo-x',
  'ENV NOT_A_MODEL_KEY=gpt-9-turbo-x',
  '# the image serves gpt-4.1 by default',
  'RUN echo gpt-4.1',
  '',
].join('\n');

const found = (file: string, text: string) => scanText(file, text, ids, TODAY).map((r) => `${r.line}:${r.column} ${r.model} ${r.kind}`);

describe('Dockerfile ENV and ARG', () => {
  it('reads the = form (quoted, continued, lower-case), the space form and ARG defaults as env; comments as docs; RUN not at all', () => {
    expect(found('Dockerfile', DOCKERFILE)).toEqual([
      '2:11 gpt-4.1 env',
      '4:19 gpt-4.1 env',
      '5:21 gpt-4o-mini env',
      '6:19 gpt-4.1 env',
      '7:19 gpt-4.1 env',
      '9:16 gpt-9-turbo-x env', // a model key: an id of OpenAI's shape counts though the catalog lacks it
      '11:20 gpt-4.1 docs',
    ]);
  });

  it('knows Dockerfiles by name, and a known extension wins', () => {
    expect(['Dockerfile', 'svc/Dockerfile.dev', 'api.Dockerfile', 'Containerfile', 'dockerfile'].map(fileKind)).toEqual(Array(5).fill('dockerfile'));
    expect(['Dockerfile.md', 'docs/Dockerfile.yaml', 'Dockerfiles/readme', 'my-dockerfile'].map(fileKind)).toEqual(['markdown', 'yaml', undefined, undefined]);
  });

  it('is rewritten like a .env file: only the id bytes change, in every form, and a second run changes nothing', () => {
    const plan = (text: string) => {
      const references = scanText('deploy/Dockerfile', text, ids, TODAY);
      return planReferences({
        from: 'gpt-4.1', to: 'gpt-5.1', rule: {}, providerChanges: false, destination: catalog.lookup('gpt-5.1'),
        references, texts: new Map([['deploy/Dockerfile', text]]),
      });
    };
    const first = plan(DOCKERFILE);
    const after = first.files['deploy/Dockerfile']!;
    expect(first.changes.map((c) => `${c.line} ${c.kind}`)).toEqual(['2 env', '4 env', '6 env', '7 env']);
    expect(after.split('\n').slice(1, 7)).toEqual([
      'ARG MODEL=gpt-5.1',
      'ARG BUILD_ONLY',
      'env OPENAI_MODEL="gpt-5.1" NODE_ENV=production \\',
      "    FALLBACK_MODEL='gpt-4o-mini'",
      'ENV SUMMARY_MODEL gpt-5.1',
      'ENV QUOTED_MODEL "gpt-5.1"\r',
    ]);
    // Docs, RUN and the two-word value stay as they were.
    expect(after.split('\n').slice(7)).toEqual(DOCKERFILE.split('\n').slice(7));
    expect(plan(after).files).toEqual({});
  });
});
