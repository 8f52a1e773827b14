// Backend entities (gateway.json `backends`, APIOps `backends/<id>/backendInformation.json`) at
// run time: the forwarding host of an API is wrapped so that a request whose backend is an entity
// with more than a URL — a load-balanced pool, a circuit breaker, credentials, TLS options — gets
// them. The entity is the one `set-backend-service backend-id` chose, or, as APIM does, the one
// whose URL is the base URL the request goes to (the API's service URL or a base-url).
// A tripped breaker, or a pool whose every member is tripped, answers 503 without calling anyone.
import type { Context, ForwardProxy } from "../context.js";
import { ResponseMessage } from "../context.js";
import { HeaderMap } from "../headers.js";
import { MessageBody } from "../body.js";
import { PolicyError } from "../errors.js";
import type { BackendHost, ForwardOptions } from "../pipeline.js";
import { httpBackend, type BackendTls } from "../backend.js";
import { CircuitBreaker, retryAfterMs, type BreakerRule } from "./circuit-breaker.js";
import { PoolBalancer, type PoolMember } from "./pool.js";
import { randomBytes } from "node:crypto";

export interface BackendEntity {
  id: string;
  /** Runtime URL of a single backend; null for a pool. */
  url: string | null;
  /** Pool members (single backends), for a pool. */
  pool?: readonly PoolMember[];
  /** A pool's session awareness: the cookie that pins a client's session to one member. */
  affinity?: { cookie: string };
  breaker?: BreakerRule;
  /** Named values already resolved. */
  credentials?: {
    headers: readonly (readonly [string, readonly string[]])[];
    query: readonly (readonly [string, readonly string[]])[];
    /** The whole Authorization header value: `<scheme> <parameter>`. */
    authorization: string | null;
  };
  /** Certificate validation and client certificate: TLS options of this backend's connections. */
  tls?: BackendTls;
  /** An HTTP forward proxy its forwards go through (a <proxy> policy in the request wins). */
  proxy?: ForwardProxy;
}

/** Whether an entity needs the runtime at all (a plain URL does not). */
export const hasRuntimeFeatures = (e: BackendEntity): boolean => !!(e.pool || e.breaker || e.credentials || e.tls || e.proxy);

/** A key a URL is compared by: no trailing slashes, scheme and host in lower case. */
export function urlKey(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(url.trim());
  return m ? m[1]!.toLowerCase() + m[2]!.replace(/\/+$/, "") : url.trim().replace(/\/+$/, "");
}

/** Per gateway (in its stores, kept across reloads): breakers and balancers by backend id. */
export class BackendState {
  /** The backends of the configuration now serving (set by every entityBackend made for it). */
  entities: ReadonlyMap<string, BackendEntity> = new Map();
  readonly breakers = new Map<string, { sig: string; breaker: CircuitBreaker }>();
  readonly balancers = new Map<string, { sig: string; balancer: PoolBalancer }>();

  breaker(e: BackendEntity): CircuitBreaker | undefined {
    if (!e.breaker) return undefined;
    const sig = JSON.stringify({ ...e.breaker, errorReasons: e.breaker.errorReasons && [...e.breaker.errorReasons] });
    let b = this.breakers.get(e.id);
    if (!b || b.sig !== sig) this.breakers.set(e.id, (b = { sig, breaker: new CircuitBreaker(e.breaker) }));
    return b.breaker;
  }

  balancer(e: BackendEntity): PoolBalancer {
    const sig = JSON.stringify(e.pool);
    let b = this.balancers.get(e.id);
    if (!b || b.sig !== sig) this.balancers.set(e.id, (b = { sig, balancer: new PoolBalancer(e.pool!) }));
    return b.balancer;
  }
}

// -------------------------------------------------------------------------------------------------
// Several worker processes (apimc serve --workers): a breaker's failures and trips are told to the
// others (through the primary, gateway/cluster.ts), so every worker counts every failure of a
// count rule and a trip (with its Retry-After) closes the backend in all of them at once.

export type BreakerEvent = { kind: "failure"; id: string; at: number } | { kind: "trip"; id: string; until: number };
let link: ((e: BreakerEvent) => void) | null = null;
const states = new Set<WeakRef<BackendState>>();

/** In a cluster worker: where this process's breaker events go (the primary relays them to the others). */
export function linkBreakers(send: ((e: BreakerEvent) => void) | null): void {
  link = send;
}

/** An event another worker sent: applied to every gateway of this process. */
export function breakerEvent(e: BreakerEvent): void {
  for (const ref of states) {
    const s = ref.deref();
    if (!s) {
      states.delete(ref);
      continue;
    }
    // Made here if this worker has not used the backend yet: the event still counts.
    const entity = s.entities.get(e.id);
    const b = entity && s.breaker(entity);
    if (!b) continue;
    if (e.kind === "trip") b.openTill(e.until);
    // Only count rules take other workers' failures: a percentage needs their requests too.
    else if (b.rule.count !== undefined && !b.isOpen(e.at)) b.record(e.at, true, null);
  }
}

/** The gateway's backend state, made on first use (and registered for other workers' events). */
export function backendState(stores: Map<string, unknown>): BackendState {
  let s = stores.get("apimc.backends") as BackendState | undefined;
  if (!s) {
    s = new BackendState();
    stores.set("apimc.backends", s);
    states.add(new WeakRef(s));
  }
  return s;
}

// -------------------------------------------------------------------------------------------------

/** The 503 a tripped backend (or an exhausted pool) gets, without a call. [infer] APIM's reason text as its samples match it. */
function unavailable(what: string): ResponseMessage {
  const message = `${what} is temporarily unavailable`;
  const h = new HeaderMap("response");
  h.setValues("Content-Type", ["application/json; charset=utf-8"]);
  return new ResponseMessage(503, message, h, new MessageBody(Buffer.from(JSON.stringify({ statusCode: 503, message }))));
}

/** Puts the entity's credentials on the request (override: a retry applies them again unchanged). */
function applyCredentials(ctx: Context, c: NonNullable<BackendEntity["credentials"]>): void {
  for (const [name, values] of c.headers) ctx.Request.Headers.setValues(name, values);
  if (c.query.length) {
    const q = ctx.Request.Url.Query;
    for (const [name, values] of c.query) q.m.set(name, [...values]);
  }
  if (c.authorization !== null) ctx.Request.Headers.setValues("Authorization", [c.authorization]);
}

/**
 * The API's forwarding host with backend entities: `plain` (the API's own) serves requests whose
 * backend is no entity with runtime features.
 */
export function entityBackend(plain: BackendHost, serviceUrl: string, apiPath: string, entities: ReadonlyMap<string, BackendEntity>, stores: Map<string, unknown>): BackendHost {
  const byUrl = new Map<string, BackendEntity>();
  for (const e of entities.values()) if (e.url !== null && hasRuntimeFeatures(e) && !byUrl.has(urlKey(e.url))) byUrl.set(urlKey(e.url), e);
  const state = backendState(stores);
  state.entities = entities;
  const hosts = new Map<string, BackendHost>();
  const hostOf = (e: BackendEntity): BackendHost => {
    let h = hosts.get(e.id);
    if (!h) hosts.set(e.id, (h = httpBackend(e.url!, apiPath, e.tls, e.proxy)));
    return h;
  };
  const defaultEntity = byUrl.get(urlKey(serviceUrl));

  const forwardSingle = (ctx: Context, e: BackendEntity, opts: ForwardOptions, viaPool: boolean): Promise<ResponseMessage> => {
    const breaker = state.breaker(e);
    if (breaker?.isOpen(Date.now())) return Promise.resolve(unavailable(`Backend ${e.id}`));
    if (e.credentials) applyCredentials(ctx, e.credentials);
    // A pool member's URL (the pool chose it) or the entity's own TLS options or proxy: its own host.
    const host = viaPool || e.tls || e.proxy ? hostOf(e) : plain;
    const sent = host.forward(ctx, opts);
    if (!breaker) return sent;
    return sent.then(
      (res) => {
        const now = Date.now();
        const failed = breaker.failsOn(res.StatusCode);
        if (failed || breaker.countsSuccesses) {
          const until = breaker.record(now, failed, failed ? retryAfterMs(res.Headers.get("retry-after")?.values[0], now) : null);
          if (link && failed) link(until ? { kind: "trip", id: e.id, until } : { kind: "failure", id: e.id, at: now });
        }
        return res;
      },
      (err: unknown) => {
        const now = Date.now();
        const failed = err instanceof PolicyError && breaker.failsOnError(err.reason);
        if (failed || breaker.countsSuccesses) {
          const until = breaker.record(now, failed, null);
          if (link && failed) link(until ? { kind: "trip", id: e.id, until } : { kind: "failure", id: e.id, at: now });
        }
        throw err;
      },
    );
  };

  return {
    forward(ctx, opts) {
      let e: BackendEntity | undefined;
      if (ctx.$backendUrl === null) e = ctx.$backendPool !== null ? entities.get(ctx.$backendPool) : defaultEntity;
      else e = byUrl.get(urlKey(ctx.$backendUrl));
      if (!e) return plain.forward(ctx, opts);
      if (!e.pool) return forwardSingle(ctx, e, opts, false);
      const now = Date.now();
      const available = (id: string) => {
        const m = entities.get(id);
        return !!m && !(state.breaker(m)?.isOpen(now) ?? false);
      };
      // Session awareness: the session's member while it is in the pool and available; else the balancer's choice, pinned by a new cookie.
      const pinned = e.affinity ? sessionMember(ctx, e.affinity.cookie, e.pool, available) : null;
      const member = pinned ?? state.balancer(e).choose(available);
      if (!member) return Promise.resolve(unavailable(`Backend pool ${e.id}`));
      const sent = forwardSingle(ctx, entities.get(member.id)!, opts, true);
      if (!e.affinity || pinned) return sent;
      const cookie = `${e.affinity.cookie}=${sessionValue(member.id)}; Path=/; HttpOnly${ctx.Request.Url.Scheme === "https" ? "; Secure" : ""}`;
      return sent.then((res) => {
        res.Headers.appendValues("Set-Cookie", [cookie]);
        return res;
      });
    },
  };
}

// -------------------------------------------------------------------------------------------------
// Session awareness: the cookie's value is a random session id and the member's id
// (`<id>.<base64url member>`), so any worker, and the gateway after a restart, sends the session to
// the same member without shared state. A value naming no member of the pool starts a new session.

/** A new session's cookie value for `member`. */
export function sessionValue(member: string): string {
  return `${randomBytes(12).toString("base64url")}.${Buffer.from(member, "utf8").toString("base64url")}`;
}

/** The pool member the request's session cookie names, when it is in `pool` and available. */
export function sessionMember(ctx: Context, cookie: string, pool: readonly PoolMember[], available: (id: string) => boolean): PoolMember | null {
  const header = ctx.Request.Headers.get("cookie");
  if (!header) return null;
  for (const line of header.values)
    for (const pair of line.split(";")) {
      const eq = pair.indexOf("=");
      if (eq < 0 || pair.slice(0, eq).trim() !== cookie) continue;
      const value = pair.slice(eq + 1).trim();
      const dot = value.lastIndexOf(".");
      if (dot < 1) continue;
      const id = Buffer.from(value.slice(dot + 1), "base64url").toString("utf8");
      const m = pool.find((x) => x.id === id);
      if (m && available(m.id)) return m;
    }
  return null;
}
