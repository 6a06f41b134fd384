// The baselines of bench/eval.js: the bench's 1,000 calls made N at a time
// over bare node:http (`http`) or through the openai SDK with its default
// fetch (`sdk`), nothing else. bench/eval.js calls `bareCalls` in its own
// process, and runs this file as a fresh process to time the same work with
// Node's start, as it times the CLI:
//
//   node bench/eval-bare.js http|sdk BASE_URL CALLS CONCURRENCY
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';

/** Makes `calls` calls, `concurrency` at a time, to the chat completions endpoint under `baseURL`. */
export async function bareCalls(kind, baseURL, calls, concurrency) {
  const body = (i) => ({ model: 'gpt-4.1', max_tokens: 100, messages: [{ role: 'system', content: 'Answer.' }, { role: 'user', content: `${kind} ${i}` }] });
  const { call, close } = kind === 'sdk' ? await sdkClient(baseURL) : httpClient(baseURL);
  let next = 0;
  const lane = async () => {
    while (next < calls) await call(body(next++));
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  close();
}

async function sdkClient(baseURL) {
  const { default: OpenAI } = await import('openai');
  const sdk = new OpenAI({ apiKey: 'bench-key', baseURL, maxRetries: 2, timeout: 30_000, logLevel: 'off' });
  return { call: (body) => sdk.chat.completions.create(body), close: () => undefined };
}

function httpClient(baseURL) {
  const agent = new Agent({ keepAlive: true });
  const call = (body) =>
    new Promise((resolve, reject) => {
      const req = request(`${baseURL}/chat/completions`, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: 'Bearer bench-key' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  return { call, close: () => agent.destroy() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [kind, baseURL, calls, concurrency] = process.argv.slice(2);
  await bareCalls(kind, baseURL, Number(calls), Number(concurrency));
}
