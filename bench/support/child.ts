import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/** A server started in its own process, so load generators never share its event loop. */
export interface ChildServer {
  url: string;
  pid: number;
  /** Resident memory now, from /proc (bytes). */
  rss(): number;
  /** Peak resident memory since start, from /proc (bytes). */
  peakRss(): number;
  stop(): Promise<void>;
}

const statusField = (pid: number, field: string): number => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/g, "") ?? 0) * 1024;
};

/**
 * Runs `script` with tsx; the script prints one JSON line `{"url": …}` once it listens.
 * Anything else it prints goes to this process's stderr.
 */
export async function startChild(script: string, env: NodeJS.ProcessEnv): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      try {
        const message = JSON.parse(line) as { url?: string };
        if (message.url) resolve(message.url);
      } catch {
        process.stderr.write(`${line}\n`);
      }
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  const pid = child.pid!;
  return {
    url,
    pid,
    rss: () => statusField(pid, "VmRSS"),
    peakRss: () => statusField(pid, "VmHWM"),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Samples a child's resident memory while `fn` runs; returns the highest seen (bytes). */
export async function peakDuring(child: ChildServer, fn: () => Promise<unknown>): Promise<number> {
  let peak = child.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, child.rss());
  }, 10);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, child.rss());
}
