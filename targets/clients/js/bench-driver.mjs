// Requests through the driver protocol, as the gate sends them: start
// `node driver.mjs`, write one request line, wait for its reply, repeat.
// Usage: node bench-driver.mjs ENDPOINT [N]
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { benchCredentials, benchInput, runMain } from "./bench-common.mjs";

const DRIVER = fileURLToPath(new URL("./driver.mjs", import.meta.url));

/**
 * openDriver starts the driver and returns {call, close, cpuSeconds}: call()
 * is one request and its reply; cpuSeconds() the driver process's CPU time
 * so far (Linux /proc), or NaN where unknown.
 */
export async function openDriver(endpoint) {
  const driver = spawn(process.execPath, [DRIVER], { stdio: ["pipe", "pipe", "ignore"] });
  const replies = lineReader(driver.stdout);
  await replies.next(); // hello
  // The harness does as little as the gate's Go side: one prebuilt line out,
  // one line back, checked by a substring (its time counts as the protocol's).
  const request = { id: 1, endpoint, region: "us-east-1", credentials: benchCredentials,
    maxAttempts: 1, validate: true, timeoutMs: 10000, input: benchInput };
  const line = `${JSON.stringify(request)}\n`;
  const call = async () => {
    driver.stdin.write(line);
    const reply = await replies.next();
    if (!reply.includes('"phase":"parsed"')) throw new Error(`bench: driver answered ${reply}`);
  };
  const close = async () => {
    driver.stdin.end();
    if (driver.exitCode === null) await once(driver, "exit");
  };
  return { call, close, cpuSeconds: () => cpuSecondsOf(driver.pid) };
}

// lineReader splits a stream into lines without readline's machinery:
// next() resolves with the next line (no newline).
function lineReader(stream) {
  let buffered = "";
  const lines = [];
  let waiting;
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    buffered += chunk;
    let end;
    while ((end = buffered.indexOf("\n")) >= 0) {
      lines.push(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
    }
    if (waiting && lines.length > 0) {
      const resolve = waiting;
      waiting = undefined;
      resolve(lines.shift());
    }
  });
  stream.on("end", () => waiting?.("(the driver closed its stdout)"));
  return {
    next: () => (lines.length > 0 ? Promise.resolve(lines.shift()) : new Promise((resolve) => (waiting = resolve))),
  };
}

// cpuSecondsOf reads utime+stime of a process from /proc/<pid>/stat.
function cpuSecondsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks, USER_HZ = 100
  } catch {
    return NaN;
  }
}

await runMain(import.meta.url, "driver", openDriver);
