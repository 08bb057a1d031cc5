import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { createApiToken } from "@/lib/api/tokens";
import { scratchDataDirectory, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded/server";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemoCorpus } from "@/lib/demo/seed";
import { installJobQueue } from "@/lib/jobs/install";
import { startTestS3Server, type TestS3Server } from "@/lib/testing/s3-server";

/**
 * A small deployment on this machine, as the README's "Running on several
 * machines" describes it: one PostgreSQL, one S3-protocol server, N web
 * servers (the production build's scripts/web-server.ts) and M workers
 * (scripts/worker.ts), each its own process on a port chosen at run time.
 */
export interface Cluster {
  databaseUrl: string;
  s3: TestS3Server;
  web: { url: string; process: ChildProcess }[];
  workers: ChildProcess[];
  /** A lead's API token. */
  token: string;
  /** Starts one more worker process. */
  addWorker(): ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startCluster(options: { webServers: number; workers: number; transcripts: number }): Promise<Cluster> {
  const s3 = await startTestS3Server("af-lens-cluster");
  const dataDir = scratchDataDirectory("cluster-test");
  const database: EmbeddedServer = await startEmbeddedPostgres("test", { port: await freePort(), dataDir, fresh: true });
  await applyMigrations(database.url);
  await installJobQueue(database.url);
  await seedDemoCorpus(database.url, { size: options.transcripts });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const lead = `cluster-lead-${randomBytes(4).toString("hex")}`;
  await client.query(`INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $2, 'lead', now())`, [
    lead,
    `${lead}@cluster.test`,
  ]);
  const { token } = await createApiToken(client, { id: lead, role: "lead" }, "cluster test");
  await client.end();

  let log = "";
  const capture = (name: string, child: ChildProcess) => {
    for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk: Buffer) => (log += `[${name}] ${chunk.toString()}`));
    return child;
  };
  const env = {
    ...process.env,
    ...s3.env,
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    LOG_LEVEL: "info",
    JOB_SHUTDOWN_GRACE_MS: "2000",
    // A load balancer's probe has a moment to see "not ready" before the server stops accepting.
    DRAIN_DELAY_MS: "1500",
  };
  const cluster: Cluster = {
    databaseUrl: database.url,
    s3,
    web: [],
    workers: [],
    token,
    addWorker: () => {
      const worker = capture(`worker-${cluster.workers.length + 1}`, startWorkerProcess(env));
      cluster.workers.push(worker);
      return worker;
    },
    output: () => log,
    async stop() {
      const all = [...cluster.workers, ...cluster.web.map((w) => w.process)];
      await Promise.all(all.map((child) => stopProcess(child)));
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
      await s3.stop();
    },
  };
  try {
    for (let i = 0; i < options.workers; i++) cluster.addWorker();
    for (let i = 0; i < options.webServers; i++) {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        ["--import", "tsx", path.join(ROOT, "scripts/web-server.ts"), "--port", String(port), "--hostname", "127.0.0.1"],
        {
          cwd: ROOT,
          env: { ...env, NODE_ENV: "production", AF_SERVICE: `web-${i + 1}` },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      cluster.web.push({ url: `http://127.0.0.1:${port}`, process: capture(`web-${i + 1}`, child) });
    }
    for (const web of cluster.web) await waitForReady(web.url, web.process, () => log);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

export function startWorkerProcess(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/worker.ts")], {
    cwd: ROOT,
    env: { ...env, AF_SERVICE: "worker" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function waitForReady(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`web server ${url} exited (${child.exitCode}):\n${output()}`);
    const response = await fetch(`${url}/api/ready`).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`web server ${url} never became ready:\n${output()}`);
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}
