import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The OTel GenAI semantic conventions' recommended bucket boundaries. */
export const DURATION_BOUNDS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
export const TOKEN_BOUNDS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

/** One exported series: a metric name (the Prometheus exporter's), labels, and what it holds once the calls have happened. */
export type Series =
  | { type: 'histogram'; name: string; labels: Record<string, string>; bounds: number[]; observations: number[] }
  /** `name` as exposed, `_total` included. */
  | { type: 'counter'; name: string; labels: Record<string, string>; value: number };

/**
 * A stand-in for an application's Prometheus exporter: it serves the text
 * exposition format, all zeros until Prometheus has scraped it once, then the
 * full totals, as a counter that started with the process would. The first
 * zero lets `increase()` see the calls happen inside the window.
 */
export async function startExporter(series: Series[]): Promise<{ url: string; scrapes: () => number; close: () => Promise<void> }> {
  let scrapes = 0;
  const server: Server = createHttpServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    const body = exposition(series, scrapes > 0);
    scrapes++;
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `127.0.0.1:${port}`, scrapes: () => scrapes, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function labelText(labels: Record<string, string>, extra: Record<string, string> = {}): string {
  const all = { ...labels, ...extra };
  return `{${Object.entries(all).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`;
}

function exposition(series: Series[], full: boolean): string {
  const lines: string[] = [];
  const typed = new Set<string>();
  for (const s of series) {
    if (!typed.has(s.name)) {
      lines.push(`# TYPE ${s.name} ${s.type}`);
      typed.add(s.name);
    }
    if (s.type === 'counter') {
      lines.push(`${s.name}${labelText(s.labels)} ${full ? s.value : 0}`);
      continue;
    }
    const obs = full ? s.observations : [];
    for (const bound of s.bounds) lines.push(`${s.name}_bucket${labelText(s.labels, { le: String(bound) })} ${obs.filter((o) => o <= bound).length}`);
    lines.push(`${s.name}_bucket${labelText(s.labels, { le: '+Inf' })} ${obs.length}`);
    lines.push(`${s.name}_sum${labelText(s.labels)} ${obs.reduce((a, b) => a + b, 0)}`);
    lines.push(`${s.name}_count${labelText(s.labels)} ${obs.length}`);
  }
  return `${lines.join('\n')}\n`;
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningPrometheus {
  url: string;
  stop: () => Promise<void>;
}

/** A real Prometheus server on 127.0.0.1, scraping `target` every second, with its data in a temp folder. */
export async function startPrometheus(target: string): Promise<RunningPrometheus> {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelshift-prom-'));
  const config = path.join(dir, 'prometheus.yml');
  await writeFile(
    config,
    ['global:', '  scrape_interval: 1s', '  scrape_timeout: 1s', '  evaluation_interval: 1s', 'scrape_configs:', '  - job_name: app', '    static_configs:', `      - targets: ["${target}"]`, ''].join('\n'),
  );
  const port = await freePort();
  const child: ChildProcess = spawn('prometheus', [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`prometheus exited with ${child.exitCode}: ${stderr}`);
    }
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not become ready in 30 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until Prometheus has stored `n` scrapes of the target with the totals. */
export async function waitForScrapes(exporter: { scrapes: () => number }, n: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (exporter.scrapes() < n + 1) {
    if (Date.now() > deadline) throw new Error(`only ${exporter.scrapes()} scrapes in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The last scrape is stored a moment after it was served.
  await new Promise((resolve) => setTimeout(resolve, 500));
}
