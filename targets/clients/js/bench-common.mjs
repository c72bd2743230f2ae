// What both benchmarks send (the local STS server's default user and a
// valid input without MFA), and their timing.
import { fileURLToPath } from "node:url";

/** WARMUP calls precede every timed run. */
export const WARMUP = 100;

/** benchCredentials are the local server's default user (not a real secret). */
export const benchCredentials = {
  accessKeyId: "AKIASTSCONFORMUSERAA",
  secretAccessKey: "stsconformLocalOnlySecretNotForAWSxxxxxx",
};

/** benchInput is a fixed valid GetSessionToken input. */
export const benchInput = { DurationSeconds: 900 };

/** rate awaits call() n times, one after the other, and returns calls per second. */
export async function rate(call, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await call();
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** runMain, when the module at url is the program being run, prints the rate of N calls of a session. */
export async function runMain(url, label, open) {
  if (process.argv[1] !== fileURLToPath(url)) return;
  const [endpoint, n = "2000"] = process.argv.slice(2);
  const session = await open(endpoint);
  try {
    await rate(session.call, WARMUP);
    console.log(`${label}: ${(await rate(session.call, Number(n))).toFixed(0)} calls/s`);
  } finally {
    await session.close();
  }
}
