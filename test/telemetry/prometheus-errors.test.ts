import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ExternalError, UsageError } from '../../src/errors.js';
import { prometheusSource } from '../../src/telemetry/prometheus.js';
import type { TelemetryQuery } from '../../src/telemetry/source.js';

const query: TelemetryQuery = {
  migration: 'm',
  agent: { name: 'a', weight: 10, control: { type: 'openai', name: 'gpt-4o' }, candidate: { type: 'anthropic', name: 'claude-sonnet-5-5' } },
  window: '1h',
  windowSeconds: 3600,
  end: new Date('2026-12-01T12:00:00Z'),
  custom: [],
};
const http = { retries: 0, timeoutMs: 2000, backoffMs: 1 };
let close: (() => void) | undefined;
afterEach(() => close?.());

async function serve(status: number, body: string, seen: IncomingHttpHeaders[] = [], urls: string[] = []): Promise<string> {
  const server = createServer((req, res) => {
    seen.push(req.headers);
    urls.push(req.url ?? '');
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('prometheus source, the outside world failing', () => {
  it('is an outside-world error, never data, when the server fails, answers garbage or is not there', async () => {
    const down = await serve(503, 'unavailable');
    await expect(prometheusSource({ type: 'prometheus', url: down }, { root: '/', env: {}, http }).fetch(query)).rejects.toBeInstanceOf(ExternalError);
    close!();
    const garbage = await serve(200, '<html>login</html>');
    await expect(prometheusSource({ type: 'prometheus', url: garbage }, { root: '/', env: {}, http }).fetch(query)).rejects.toThrow(/no Prometheus query result/);
    close!();
    close = undefined;
    await expect(prometheusSource({ type: 'prometheus', url: 'http://127.0.0.1:9' }, { root: '/', env: {}, http }).fetch(query)).rejects.toBeInstanceOf(ExternalError);
  });

  it('sends the token from tokenEnv as a bearer token, queries at the window end, and refuses to start without the variable', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const urls: string[] = [];
    const url = await serve(200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }), seen, urls);
    const data = await prometheusSource({ type: 'prometheus', url, tokenEnv: 'PROM_TOKEN' }, { root: '/', env: { PROM_TOKEN: 's3cret' }, http }).fetch(query);
    expect(data.control).toMatchObject({ calls: 0, errors: 0, latency: undefined });
    expect(seen.every((h) => h.authorization === 'Bearer s3cret')).toBe(true);
    const params = new URL(urls[0]!, url).searchParams;
    expect(params.get('time')).toBe(String(Date.parse('2026-12-01T12:00:00Z') / 1000));
    expect(params.get('query')).toContain('gen_ai_agent_name="a",modelshift_migration="m",modelshift_arm=~"control|candidate"');
    expect(() => prometheusSource({ type: 'prometheus', url, tokenEnv: 'PROM_TOKEN' }, { root: '/', env: {}, http })).toThrow(UsageError);
  });
});
