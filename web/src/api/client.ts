// The caseworker web app's way to the API: openapi-fetch over the types openapi-typescript generates from
// docs/openapi.json (schema.d.ts; scripts/generate-clients.sh writes it, a test fails when it is stale).
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type { components, paths };

/** The API's documents by schema name: `Schemas["Profile"]`, `Schemas["MatchResponse"]`, … */
export type Schemas = components["schemas"];

/** Every error of the API: an RFC 9457 problem document. */
export type Problem = Schemas["ProblemDetails"];

/** Whether a key may be sent to `url`: over https, or over http to this machine only. */
export function maySendKeyTo(url: URL): boolean {
  const loopback = url.hostname === "localhost" || url.hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  return url.protocol === "https:" || (url.protocol === "http:" && loopback);
}

/** A client of the API at `baseUrl` (without /api) that sends `apiKey` in x-api-key with every request. */
export function createApiClient(baseUrl: string, apiKey: string): Client<paths> {
  if (!maySendKeyTo(new URL(baseUrl))) {
    throw new Error(`The API key is sent over https, or over http to this machine only; not to ${baseUrl}.`);
  }

  const client = createClient<paths>({ baseUrl });
  const key: Middleware = {
    onRequest({ request }) {
      request.headers.set("x-api-key", apiKey);
      return request;
    },
  };
  client.use(key);
  return client;
}
