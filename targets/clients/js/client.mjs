// STSClient instances, one per distinct configuration, and the deliberately
// broken builds (--break=…) the gate's proof runs: each break is a
// middleware in the client's own pipeline, so the driver's translation is
// the same in broken and real builds.
import { STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const MAX_CLIENTS = 32;

// Each break rewrites the serialized awsQuery body after the client built
// it and before it sets Content-Length and signs.
const BREAKS = {
  // Encodes "+" twice: a TokenCode or SerialNumber "a+b" arrives as "a%2Bb".
  "double-encode-plus": (body) => body.replaceAll("%2B", "%252B"),
  // Drops the TokenCode member from the request.
  "drop-token-code": (body) => body.split("&").filter((p) => !p.startsWith("TokenCode=")).join("&"),
};

/** breakNames lists the accepted --break= values. */
export const breakNames = Object.keys(BREAKS);

/** ClientCache builds and keeps STSClients keyed by their configuration. */
export class ClientCache {
  #clients = new Map();
  #rewrite;

  /** @param {string|undefined} breakName one of breakNames, or undefined for the real client */
  constructor(breakName) {
    if (breakName !== undefined && !Object.hasOwn(BREAKS, breakName)) {
      throw new Error(`unknown --break=${breakName}; known: ${breakNames.join(", ")}`);
    }
    this.#rewrite = breakName && BREAKS[breakName];
  }

  /** get returns the client for a request's configuration. */
  get(config) {
    const key = this.#key(config);
    let client = this.#clients.get(key);
    if (client === undefined) {
      client = this.#build(config);
      this.#clients.set(key, client);
      this.#evict();
    }
    return client;
  }

  /** discard closes and forgets the client of a configuration: the next get builds a new one. */
  discard(config) {
    const key = this.#key(config);
    this.#clients.get(key)?.destroy();
    this.#clients.delete(key);
  }

  /** destroy closes every client's connections. */
  destroy() {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }

  #key(config) {
    return JSON.stringify([config.endpoint, config.region, config.accessKeyId, config.secretAccessKey,
      config.sessionToken, config.maxAttempts, config.timeoutMs]);
  }

  #build(config) {
    const client = new STSClient({
      endpoint: config.endpoint,
      region: config.region,
      credentials: {
        accessKeyId: config.accessKeyId,
        secretAccessKey: config.secretAccessKey,
        sessionToken: config.sessionToken,
      },
      // 0: the client's own default retry policy, untouched.
      ...(config.maxAttempts > 0 ? { maxAttempts: config.maxAttempts } : {}),
      // Connect, whole request (headers back), and any pause while reading the
      // body: each bounded by timeoutMs, each a TimeoutError.
      requestHandler: new NodeHttpHandler({
        connectionTimeout: config.timeoutMs,
        requestTimeout: config.timeoutMs,
        throwOnRequestTimeout: true,
        socketTimeout: config.timeoutMs,
      }),
    });
    if (this.#rewrite) this.#addBreak(client);
    return client;
  }

  #addBreak(client) {
    const rewrite = this.#rewrite;
    client.middlewareStack.addRelativeTo((next) => (args) => {
      if (typeof args.request?.body === "string") args.request.body = rewrite(args.request.body);
      return next(args);
    }, { name: "stsconformBreak", relation: "before", toMiddleware: "contentLengthMiddleware" });
  }

  // Keeps the cache bounded when a run uses many endpoints (oldest first).
  #evict() {
    while (this.#clients.size > MAX_CLIENTS) {
      const [oldestKey, oldest] = this.#clients.entries().next().value;
      oldest.destroy();
      this.#clients.delete(oldestKey);
    }
  }
}
