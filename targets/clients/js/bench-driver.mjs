// Requests through the driver protocol, as the gate sends them: start
// `node driver.mjs`, write one request line, wait for its reply, repeat.
// Usage: node bench-driver.mjs ENDPOINT [N]
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
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
  const replies = createInterface({ input: driver.stdout })[Symbol.asyncIterator]();
  await replies.next(); // hello
  let id = 0;
  const call = async () => {
    const request = { id: ++id, endpoint, region: "us-east-1", credentials: benchCredentials,
      maxAttempts: 1, validate: true, timeoutMs: 10000, input: benchInput };
    driver.stdin.write(`${JSON.stringify(request)}\n`);
    const { value } = await replies.next();
    if (JSON.parse(value).phase !== "parsed") throw new Error(`bench: driver answered ${value}`);
  };
  const close = async () => {
    driver.stdin.end();
    if (driver.exitCode === null) await once(driver, "exit");
  };
  return { call, close, cpuSeconds: () => cpuSecondsOf(driver.pid) };
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
