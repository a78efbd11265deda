// Benchmark 4, emulator throughput: sustained GET /api/v1/tasks/{id}/status per second on loopback with
// the rate limit off, from a fixed number of keep-alive connections for a fixed time after a warm-up.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchConfig } from '../config.ts';
import { percentile, round } from '../stats.ts';

const THROUGHPUT_KEY = 'bench-throughput';

export interface ThroughputResult {
  connections: number;
  durationMs: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
}

async function startServer(): Promise<{ child: ChildProcess; url: string; taskId: string }> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./server.ts', import.meta.url)), THROUGHPUT_KEY],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the throughput emulator exited (code ${code}) before printing its URL`);
  });
  const [line] = (await Promise.race([once(lines, 'line'), exited])) as [string];
  lines.close();
  return { child, ...(JSON.parse(line) as { url: string; taskId: string }) };
}

function get(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { key: THROUGHPUT_KEY } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function runThroughput(config: BenchConfig): Promise<ThroughputResult> {
  const { connections, warmupMs, durationMs } = config.throughput;
  const { child, url, taskId } = await startServer();
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = `${url}/api/v1/tasks/${taskId}/status`;
  const measureFrom = performance.now() + warmupMs;
  const stopAt = measureFrom + durationMs;
  const latencies: number[] = [];
  let errors = 0;
  // Counts the requests sent and answered inside the measured window.
  const worker = async () => {
    for (let sent = performance.now(); sent < stopAt; sent = performance.now()) {
      const status = await get(agent, target).catch(() => 0);
      const answered = performance.now();
      if (sent < measureFrom || answered > stopAt) continue;
      if (status === 200) latencies.push(answered - sent);
      else errors++;
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
  }
  return {
    connections,
    durationMs,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / (durationMs / 1000), 0),
    latencyP50Ms: round(percentile(latencies, 50), 2),
    latencyP99Ms: round(percentile(latencies, 99), 2),
    errors,
  };
}
