// Tests of the driver's translation, against a canned awsQuery server on
// loopback: `npm test` (make test-clients-js).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { exactNumber } from "./numbers.mjs";

const DRIVER = fileURLToPath(new URL("./driver.mjs", import.meta.url));
const NS = 'xmlns="https://sts.amazonaws.com/doc/2011-06-15/"';
const OK = `<GetSessionTokenResponse ${NS}><GetSessionTokenResult><Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId>` +
  "<SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2026-12-03T12:00:00.120Z</Expiration>" +
  "</Credentials></GetSessionTokenResult></GetSessionTokenResponse>";
const INVALID = `<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>ValidationError</Code><Message>no</Message></Error></ErrorResponse>`;

describe("exactNumber", () => {
  const table = [
    ["900", 900], ["3.5", 3.5], ["1e+21", 1e21], ["-0", -0], ["9007199254740992", 2 ** 53], ["1e22", 1e22], ["0.5", 0.5],
    ["9007199254740993", undefined], ["0.1", undefined], ["1e23", undefined], ["1e400", undefined], ["1e-400", undefined],
  ];
  for (const [literal, want] of table) {
    it(literal, () => assert.deepEqual(exactNumber(literal).value, want));
  }
});

describe("driver", () => {
  let server, endpoint, bodies;
  const answers = { ok: [200, OK], error: [400, INVALID], garbage: [200, "not xml"] };
  before(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        bodies.push(body);
        const [status, text] = answers[new URLSearchParams(body).get("SerialNumber")] ?? answers.ok;
        res.writeHead(status, { "content-type": "text/xml", "x-amzn-requestid": "rid" }).end(text);
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    endpoint = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => server.close());

  // run sends lines to a fresh driver and returns its replies after the hello.
  const run = async (lines, args = []) => {
    bodies = [];
    const driver = spawn(process.execPath, [DRIVER, ...args], { stdio: ["pipe", "pipe", "ignore"] });
    driver.stdin.end(lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n");
    const out = [];
    for await (const line of createInterface({ input: driver.stdout })) out.push(JSON.parse(line));
    const [code] = await once(driver, "exit");
    assert.equal(code, 0);
    assert.equal(out[0].hello, "stsconform-driver/1");
    return out.slice(1);
  };
  const request = (id, input, more = {}) => ({ id, endpoint, region: "us-east-1",
    credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "x", sessionToken: null },
    maxAttempts: 1, validate: true, timeoutMs: 5000, input, ...more });

  it("translates each outcome, in order", async () => {
    const replies = await run([
      request(1, { DurationSeconds: 900 }),
      request(2, { SerialNumber: "error" }),
      request(3, { SerialNumber: "garbage" }),
      request(4, {}, { endpoint: "http://127.0.0.1:1" }),
      JSON.stringify(request(5, {})).replace('"input":{}', '"input":{"DurationSeconds":9007199254740993}'),
      "not json",
      request(7, { DurationSeconds: "NaN", TokenCode: "1+2" }),
    ]);
    assert.deepEqual(replies.map((r) => [r.id, r.phase, r.error?.kind]), [
      [1, "parsed", undefined], [2, "error", "service"], [3, "error", "parse"], [4, "error", "transport"],
      [5, "inexpressible", undefined], [null, "driver-error", undefined], [7, "parsed", undefined]]);
    assert.deepEqual(replies[0].output.Credentials, { AccessKeyId: "ASIAEXAMPLE", SecretAccessKey: "s",
      SessionToken: "t", Expiration: "2026-12-03T12:00:00.12Z", ExpirationKind: "time" });
    assert.deepEqual(replies[1].error, { kind: "service", class: "STSServiceException", code: "ValidationError",
      message: "no", requestId: "rid", httpStatus: 400, fault: "Sender" });
    assert.match(replies[4].detail, /9007199254740993 is not exactly a JS number/);
    assert.match(bodies.at(-1), /DurationSeconds=NaN&TokenCode=1%2B2$/);
  });

  it("reports a throw before sending as the client's own error", async () => {
    const [reply] = await run([request(1, { SerialNumber: "\ud800" })]);
    assert.deepEqual([reply.phase, reply.error.kind, reply.error.class], ["error", "other", "URIError"]);
    assert.equal(bodies.length, 0);
  });

  // The client's query serializer keeps what it had written when it threw;
  // a later call on that client would send it too. The next case must not
  // inherit it.
  it("a throw before sending leaves the next case on the same configuration alone", async () => {
    const replies = await run([request(1, { SerialNumber: "\ud800" }), request(2, { SerialNumber: "GAHT12345678" })]);
    assert.deepEqual(replies.map((r) => [r.id, r.phase, r.error?.class]), [[1, "error", "URIError"], [2, "parsed", undefined]]);
    assert.deepEqual(bodies, ["Action=GetSessionToken&Version=2011-06-15&SerialNumber=GAHT12345678"]);
  });

  for (const [name, wire] of [["double-encode-plus", "TokenCode=1%252B2"], ["drop-token-code", /^(?!.*TokenCode)/]]) {
    it(`--break=${name} changes what the client sends`, async () => {
      const [reply] = await run([request(1, { TokenCode: "1+2" })], [`--break=${name}`]);
      assert.equal(reply.phase, "parsed");
      assert.match(bodies[0], typeof wire === "string" ? new RegExp(wire) : wire);
    });
  }
});
