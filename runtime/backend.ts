// Forwarding to a real backend over HTTP: the BackendHost the gateway and the test harness use.
import { Agent } from "undici";
import type { Context } from "./context.js";
import { httpCall } from "./http.js";
import type { BackendHost } from "./pipeline.js";
import { HOP_BY_HOP } from "./headers.js";

const backendAgent = new Agent({ keepAliveTimeout: 10_000, connections: 512, pipelining: 1 });

/**
 * Forwards to `baseUrl` + the request's path (minus `apiPath`) + its query, as APIM does with the
 * API's service URL. `ctx.$backendUrl` (set-backend-service) overrides the base.
 */
export function httpBackend(baseUrl: string, apiPath = ""): BackendHost {
  return {
    async forward(ctx: Context, opts) {
      const base = (ctx.$backendUrl ?? baseUrl).replace(/\/$/, "");
      let path = ctx.Request.Url.Path;
      if (apiPath && path.startsWith(apiPath)) path = path.slice(apiPath.length);
      const url = new URL(base + encodeURI(path) + ctx.Request.Url.QueryString);
      const headers = ctx.Request.Headers.clone();
      for (const h of HOP_BY_HOP) headers.delete(h);
      headers.delete("host");
      const body = ctx.Request.Body ? ctx.Request.Body.payload() : null;
      return httpCall(url, ctx.Request.Method, headers, body, opts.timeoutMs, backendAgent, opts.followRedirects, "forward-request", opts.streamResponse);
    },
  };
}
