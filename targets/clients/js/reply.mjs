// What the client returned or threw, rendered as a protocol reply
// (../PROTOCOL.md). Only translation: nothing here judges the answer.
import { STSServiceException } from "@aws-sdk/client-sts";

const CREDENTIAL_STRINGS = ["AccessKeyId", "SecretAccessKey", "SessionToken"];

// Error names and Node error codes of a connection that failed, dropped or
// timed out. Codes HPE_* come from Node's HTTP parser (a response that is
// not HTTP): the SDK's deserializer never saw it.
const TRANSPORT_NAMES = new Set(["TimeoutError", "AbortError", "RequestTimeout"]);
const TRANSPORT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED",
  "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ERR_STREAM_PREMATURE_CLOSE"]);

/** parsedReply renders a GetSessionToken output. */
export function parsedReply(id, output) {
  const creds = output?.Credentials;
  if (creds === undefined || creds === null) return { id, phase: "parsed", output: {} };
  const rendered = {};
  for (const name of CREDENTIAL_STRINGS) {
    if (creds[name] !== undefined && creds[name] !== null) rendered[name] = creds[name];
  }
  Object.assign(rendered, expiration(creds.Expiration));
  return { id, phase: "parsed", output: { Credentials: rendered } };
}

// expiration renders what the client holds: a Date (an instant, held in
// milliseconds) as RFC 3339 UTC without trailing zero fraction digits.
function expiration(value) {
  if (value === undefined || value === null) return {};
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { Expiration: "Invalid Date", ExpirationKind: "string" };
    return { Expiration: value.toISOString().replace(/\.?0+Z$/, "Z"), ExpirationKind: "time" };
  }
  if (typeof value === "number") return { Expiration: String(value), ExpirationKind: "epoch" };
  return { Expiration: String(value), ExpirationKind: "string" };
}

/** errorReply renders what a call threw. */
export function errorReply(id, err) {
  if (isServiceError(err)) return { id, phase: "error", error: serviceError(err) };
  const error = { kind: errorKind(err), class: errName(err) };
  if (typeof err?.code === "string") error.code = err.code;
  if (typeof err?.message === "string") error.message = err.message;
  Object.assign(error, metadata(err));
  return { id, phase: "error", error };
}

// isServiceError: the client recognised an AWS error response. STS's
// exceptions and the synthetic base exception for unmodelled codes are
// STSServiceException; the SDK's fallback is an Error with $fault and
// $metadata set from the response.
function isServiceError(err) {
  return err instanceof STSServiceException ||
    ((err?.$fault === "client" || err?.$fault === "server") && typeof err?.$metadata === "object");
}

function serviceError(err) {
  const error = { kind: "service", class: err.constructor?.name ?? "Error" };
  if (typeof err.name === "string") error.code = err.name;
  if (typeof err.message === "string") error.message = err.message;
  Object.assign(error, metadata(err));
  // The body's <Type> as the client exposes it (err.Type / err.Error.Type);
  // err.$fault is not it: it comes from the model or the status code.
  const type = err.Type ?? err.Error?.Type;
  if (typeof type === "string") error.fault = type;
  return error;
}

function metadata(err) {
  const out = {};
  const meta = err?.$metadata;
  if (typeof meta?.requestId === "string") out.requestId = meta.requestId;
  if (typeof meta?.httpStatusCode === "number") out.httpStatus = meta.httpStatusCode;
  return out;
}

// errorKind: transport by name or code first (a body cut mid-read is a
// dropped connection, though the deserializer was reading it); then parse
// for anything thrown while the SDK deserialized a response (it attaches
// $response); then other.
function errorKind(err) {
  if (TRANSPORT_NAMES.has(err?.name) || TRANSPORT_CODES.has(err?.code) || /^HPE_/.test(err?.code ?? "")) {
    return "transport";
  }
  if (err !== null && typeof err === "object" && "$response" in err) return "parse";
  return "other";
}

function errName(err) {
  if (err instanceof Error) return err.name;
  return typeof err;
}
