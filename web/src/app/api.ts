// The app's one way to the API: the generated client (../api/client.ts), sending the session's key and asking
// for reasons and explanations in the language on screen.
import type { Client, Middleware } from "openapi-fetch";
import { createApiClient, type paths, type Problem } from "../api/client";

export type Api = Client<paths>;

export function apiFor(key: string, language: () => string): Api {
  const api = createApiClient(location.origin, key);
  const speak: Middleware = {
    onRequest({ request }) {
      request.headers.set("Accept-Language", language());
      return request;
    },
  };
  api.use(speak);
  return api;
}

/** Whether an error body is the API's problem document (and not, say, a proxy's page). */
export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "title" in value;
}
