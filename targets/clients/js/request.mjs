// A protocol request line (../PROTOCOL.md) read into what the driver needs:
// the client's configuration and the GetSessionToken input, with the
// integer members as JS numbers only when a JS number holds them exactly.
import { exactNumber, literalOf, parseKeepingNumbers } from "./numbers.mjs";

const STRING_MEMBERS = new Set(["SerialNumber", "TokenCode"]);
const INTEGER_MEMBERS = new Set(["DurationSeconds", "MinimumSessionTokenSize"]);
const FLOAT_NAMES = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };
const FIELDS = new Set(["id", "endpoint", "region", "credentials", "maxAttempts", "validate", "timeoutMs", "input"]);
const CREDENTIAL_FIELDS = new Set(["accessKeyId", "secretAccessKey", "sessionToken"]);

/** Unusable marks a request line that cannot be used (a driver-error). */
export class Unusable extends Error {}

/** Inexpressible marks an input member a JS value cannot hold. */
export class Inexpressible extends Error {}

/**
 * readRequest parses one line. It returns {id, config, input} or throws
 * Unusable (with .id when known) or Inexpressible (with .id).
 */
export function readRequest(line) {
  let plain;
  try {
    plain = JSON.parse(line);
  } catch (err) {
    throw new Unusable(`not JSON: ${err.message}`);
  }
  if (plain === null || typeof plain !== "object" || Array.isArray(plain)) {
    throw new Unusable("a request is a JSON object");
  }
  const id = plain.id;
  try {
    const config = readConfig(plain);
    let literals;
    const raw = () => (literals ??= parseKeepingNumbers(line).input);
    const input = readInput(plain.input, raw);
    return { id, config, input };
  } catch (err) {
    err.id = id;
    throw err;
  }
}

function readConfig(req) {
  unknownKeys(req, FIELDS, "request");
  if (!("id" in req)) throw new Unusable("missing id");
  const creds = req.credentials;
  if (creds === null || typeof creds !== "object" || Array.isArray(creds)) {
    throw new Unusable("credentials must be an object");
  }
  unknownKeys(creds, CREDENTIAL_FIELDS, "credentials");
  const config = {
    endpoint: endpoint(req.endpoint),
    region: string(req.region, "region"),
    accessKeyId: string(creds.accessKeyId, "credentials.accessKeyId"),
    secretAccessKey: string(creds.secretAccessKey, "credentials.secretAccessKey"),
    sessionToken: creds.sessionToken ?? undefined,
    maxAttempts: count(req.maxAttempts, "maxAttempts", 0),
    timeoutMs: count(req.timeoutMs, "timeoutMs", 1),
  };
  if (config.sessionToken !== undefined) string(config.sessionToken, "credentials.sessionToken");
  if (req.validate !== undefined && typeof req.validate !== "boolean") {
    throw new Unusable("validate must be a boolean");
  }
  return config;
}

function readInput(input, raw) {
  if (input === null) return {}; // no members, as the other drivers read it
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new Unusable("input must be an object");
  }
  const out = {};
  for (const [name, value] of Object.entries(input)) {
    if (STRING_MEMBERS.has(name)) {
      out[name] = string(value, `input.${name}`);
    } else if (INTEGER_MEMBERS.has(name)) {
      out[name] = integerMember(name, value, raw);
    } else {
      throw new Unusable(`unknown input member ${JSON.stringify(name)}`);
    }
  }
  return out;
}

// integerMember maps a protocol value of an integer member to the JS number
// the client is given: the float names, or a literal a JS number holds
// exactly. A literal it cannot hold is Inexpressible (never rounded).
function integerMember(name, value, raw) {
  if (typeof value === "string") {
    if (Object.hasOwn(FLOAT_NAMES, value)) return FLOAT_NAMES[value];
    throw new Unusable(`input.${name}: the only strings allowed are NaN, Infinity, -Infinity, not ${JSON.stringify(value)}`);
  }
  if (typeof value !== "number") throw new Unusable(`input.${name} must be a number or a float name`);
  const literal = literalOf(raw()[name]);
  const exact = exactNumber(literal);
  if ("why" in exact) {
    throw new Inexpressible(`${name} ${exact.why}; the client's input member is a JS number`);
  }
  return exact.value;
}

function unknownKeys(object, known, where) {
  const unknown = Object.keys(object).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Unusable(`unknown field(s) in ${where}: ${unknown.join(", ")}`);
}

// endpoint: an http(s) URL. The client silently ignores an empty or
// unusable endpoint and would send to AWS's own; the protocol requires
// exactly this URL, so anything else is refused here.
function endpoint(value) {
  const url = parseURL(string(value, "endpoint"));
  if (url === null || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new Unusable(`endpoint must be an http(s) URL, not ${JSON.stringify(value)}`);
  }
  return value;
}

function parseURL(value) {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function string(value, name) {
  if (typeof value !== "string") throw new Unusable(`${name} must be a string`);
  return value;
}

function count(value, name, min) {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Unusable(`${name} must be an integer >= ${min}`);
  }
  return value;
}
