// The client called in a loop in its own language, for comparison with the
// driver protocol (bench-driver.mjs): GetSessionToken calls one after the
// other, on a fixed valid input, against a loopback STS endpoint.
// Usage: node bench-loop.mjs ENDPOINT [N]
import { GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { benchCredentials, benchInput, runMain } from "./bench-common.mjs";

/** openLoop returns {call, close}: call() makes one GetSessionToken call with the client. */
export async function openLoop(endpoint) {
  const client = new STSClient({
    endpoint,
    region: "us-east-1",
    credentials: { ...benchCredentials }, // a copy: the client adds $source to it
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 10000, requestTimeout: 10000, throwOnRequestTimeout: true, socketTimeout: 10000 }),
  });
  const call = async () => {
    const out = await client.send(new GetSessionTokenCommand(benchInput));
    if (!out.Credentials?.AccessKeyId) throw new Error("bench: a call returned no credentials");
  };
  return { call, close: async () => client.destroy() };
}

await runMain(import.meta.url, "loop", openLoop);
