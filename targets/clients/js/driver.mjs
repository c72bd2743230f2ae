// stsconform client driver for @aws-sdk/client-sts: reads protocol requests
// (../PROTOCOL.md) as JSON lines on stdin, calls GetSessionToken with the
// client, and writes one reply line per request, in order, on stdout.
// Usage: node driver.mjs [--break=double-encode-plus|drop-token-code]
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { GetSessionTokenCommand } from "@aws-sdk/client-sts";
import { breakNames, ClientCache } from "./client.mjs";
import { errorReply, parsedReply } from "./reply.mjs";
import { Inexpressible, readRequest, Unusable } from "./request.mjs";

const CLIENT = "@aws-sdk/client-sts";

function main() {
  isolateFromUserConfig();
  const breakName = breakArg(process.argv.slice(2));
  const clients = new ClientCache(breakName);
  if (breakName) console.error(`stsconform driver: deliberately broken build: ${breakName}`);
  // Never end on one bad call: log what escaped and keep serving.
  process.on("unhandledRejection", (reason) => console.error("stsconform driver: unhandled rejection:", reason));
  process.on("uncaughtException", (err) => console.error("stsconform driver: uncaught exception:", err));
  process.stdout.on("error", () => process.exit(1)); // the gate went away
  // A broken build says so in its version, as the other drivers' do.
  const version = clientVersion() + (breakName ? `+break.${breakName}` : "");
  write({ hello: "stsconform-driver/1", client: CLIENT, version, runtime: `node ${process.version}` });
  serve(clients).then(() => {
    clients.destroy();
    process.exit(0);
  });
}

// isolateFromUserConfig keeps the user's AWS configuration out of the run:
// the client reads AWS_* variables (AWS_MAX_ATTEMPTS, AWS_RETRY_MODE,
// AWS_ENDPOINT_URL_STS, …) and the shared config files when it is built.
function isolateFromUserConfig() {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith("AWS_")) delete process.env[name];
  }
  process.env.AWS_CONFIG_FILE = "/dev/null";
  process.env.AWS_SHARED_CREDENTIALS_FILE = "/dev/null";
}

function breakArg(args) {
  let name;
  for (const arg of args) {
    const match = /^--break=(.*)$/.exec(arg);
    if (!match) usage(`unknown argument ${arg}`);
    if (!breakNames.includes(match[1])) usage(`unknown break ${match[1]}`);
    name = match[1];
  }
  return name;
}

function usage(problem) {
  console.error(`stsconform driver: ${problem}\nusage: node driver.mjs [--break=${breakNames.join("|")}]`);
  process.exit(2);
}

// clientVersion reads the version of the client package actually loaded.
function clientVersion() {
  return createRequire(import.meta.url)(`${CLIENT}/package.json`).version;
}

// serve answers each line in turn; a reply is written before the next line
// is read, so replies keep the requests' order.
async function serve(clients) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    write(await answer(clients, line));
  }
}

async function answer(clients, line) {
  let request;
  try {
    request = readRequest(line);
  } catch (err) {
    return refusal(err);
  }
  const { id, config, input } = request;
  try {
    const output = await clients.get(config).send(new GetSessionTokenCommand(input));
    return parsedReply(id, output);
  } catch (err) {
    const reply = renderError(id, err);
    // A throw that is no answer from the server (URIError while serializing a
    // lone surrogate, …) can leave the client half-way: its query serializer
    // keeps what it had written and sends it with the next call. Each case
    // gets a client as fresh as the first: this one is dropped.
    if (reply.error?.kind !== "service" && reply.error?.kind !== "transport") clients.discard(config);
    return reply;
  }
}

function renderError(id, err) {
  try {
    return errorReply(id, err);
  } catch (renderErr) {
    return { id, phase: "driver-error", detail: `could not render the client's error: ${renderErr}` };
  }
}

function refusal(err) {
  const id = err?.id ?? null;
  if (err instanceof Inexpressible) return { id, phase: "inexpressible", detail: err.message };
  if (err instanceof Unusable) return { id, phase: "driver-error", detail: err.message };
  return { id, phase: "driver-error", detail: `driver bug: ${err?.stack ?? err}` };
}

function write(object) {
  process.stdout.write(`${JSON.stringify(object)}\n`);
}

main();
