// The loop server of the drivers' benchmark (make bench-drivers,
// targets/clients/benchdrivers): the client called in a plain loop in its
// own language, the baseline the driver protocol's overhead is measured
// against.
// Usage: node bench-loop.mjs --serve LINE
// LINE is one protocol request (../PROTOCOL.md); the client and the input are
// built from it exactly as driver.mjs builds them. Then each stdin line is a
// count N: N calls one after the other, each of which must return
// credentials, answered by one line with the elapsed seconds, or a line
// "error: ..." when a call fails. Exits 0 at end of stdin.
import { createInterface } from "node:readline";
import { GetSessionTokenCommand } from "@aws-sdk/client-sts";
import { ClientCache } from "./client.mjs";
import { readRequest } from "./request.mjs";

async function main() {
  const [flag, line, ...rest] = process.argv.slice(2);
  if (flag !== "--serve" || line === undefined || rest.length > 0) {
    console.error("usage: node bench-loop.mjs --serve LINE");
    process.exit(2);
  }
  isolateFromUserConfig();
  const clients = new ClientCache(undefined);
  let client, input;
  try {
    const request = readRequest(line);
    client = clients.get(request.config);
    input = request.input;
  } catch (err) {
    console.error(`bench-loop: cannot build the client from LINE: ${err.message}`);
    process.exit(2);
  }
  for await (const count of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(`${await answer(client, input, count)}\n`);
  }
  clients.destroy();
}

// answer makes N calls for one count line and returns the reply line.
async function answer(client, input, count) {
  const n = Number(count);
  if (!Number.isInteger(n) || n < 1) return `error: count ${JSON.stringify(count)} is not a positive integer`;
  try {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const out = await client.send(new GetSessionTokenCommand(input));
      if (!out.Credentials?.AccessKeyId) return "error: a call returned no credentials";
    }
    return (Number(process.hrtime.bigint() - start) / 1e9).toFixed(9);
  } catch (err) {
    return `error: ${err.name}: ${err.message}`;
  }
}

// isolateFromUserConfig keeps the user's AWS configuration out, as
// driver.mjs does before it builds a client.
function isolateFromUserConfig() {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith("AWS_")) delete process.env[name];
  }
  process.env.AWS_CONFIG_FILE = "/dev/null";
  process.env.AWS_SHARED_CREDENTIALS_FILE = "/dev/null";
}

await main();
