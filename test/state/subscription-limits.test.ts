// rate-limit and quota through the gateway, as the reference pages state them: they count only
// calls made with a subscription key ("only applied when an API is accessed using a subscription
// key"); the by-key policies count every call. In <api>/<operation>, `id` wins over `name` ("If
// both attributes are provided, id will be used and name will be ignored"). Real node:http
// clients against a gateway built from a gateway.json; the statuses expected are computed from
// those two rules, for every state policy and every name/id combination.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { rawGet, startServer, type TestServer } from "../helpers/servers.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-sub-limits-"));
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const inbound = (policy: string) => `<policies><inbound><base/>${policy}</inbound></policies>`;

const LIMIT = 2;
/** Each state policy, whether it is per subscription, and the status it answers when exceeded. */
const STATE_POLICIES = [
  { id: "rate-limit", perSubscription: true, status: 429, xml: `<rate-limit calls="${LIMIT}" renewal-period="60" />` },
  { id: "quota", perSubscription: true, status: 403, xml: `<quota calls="${LIMIT}" renewal-period="3600" />` },
  { id: "rate-limit-by-key", perSubscription: false, status: 429, xml: `<rate-limit-by-key calls="${LIMIT}" renewal-period="60" counter-key="@(context.Request.Headers.GetValueOrDefault(&quot;X-Who&quot;,&quot;&quot;))" />` },
  { id: "quota-by-key", perSubscription: false, status: 403, xml: `<quota-by-key calls="${LIMIT}" renewal-period="3600" counter-key="@(context.Request.Headers.GetValueOrDefault(&quot;X-Who&quot;,&quot;&quot;))" />` },
] as const;

/** name / id of an <api> or <operation> element: the entity's own, another one's, or left out. */
const REFS = ["match", "other", "absent"] as const;
type Ref = (typeof REFS)[number];
const refCombos = REFS.flatMap((name) => REFS.map((id) => ({ name, id }))).filter((c) => !(c.name === "absent" && c.id === "absent"));
const attrs = (c: { name: Ref; id: Ref }, own: { name: string; id: string }) =>
  `${c.name === "absent" ? "" : ` name="${c.name === "match" ? own.name : "someone-else"}"`}${c.id === "absent" ? "" : ` id="${c.id === "match" ? own.id : "someone-else"}"`}`;
/** The rule of the reference pages: id when given, else name. */
const refersToOwn = (c: { name: Ref; id: Ref }) => (c.id !== "absent" ? c.id === "match" : c.name === "match");
const KINDS = [
  { el: "rate-limit", status: 429, period: 60 },
  { el: "quota", status: 403, period: 3600 },
] as const;

const API = { id: "orders-v1", name: "Orders" };

describe("rate-limit and quota count only calls with a subscription; <api>/<operation> match by id first", () => {
  let backend: TestServer;
  let gw: Gateway;
  let base: string;
  const operations: { id: string; name: string; method: string; urlTemplate: string; policy: string }[] = [];
  const refCases: { path: string; kind: (typeof KINDS)[number]; level: "api" | "operation"; combo: { name: Ref; id: Ref } }[] = [];

  beforeAll(async () => {
    backend = await startServer((_req, res) => res.end("ok"));
    for (const p of STATE_POLICIES) {
      write(`policies/${p.id}.xml`, inbound(p.xml));
      operations.push({ id: p.id, name: p.id, method: "GET", urlTemplate: `/${p.id}`, policy: `policies/${p.id}.xml` });
    }
    for (const kind of KINDS)
      for (const level of ["api", "operation"] as const)
        refCombos.forEach((combo, i) => {
          const opId = `${kind.el}-${level}-${i}`;
          const op = { id: opId, name: `Op ${opId}` };
          const inner =
            level === "api"
              ? `<api${attrs(combo, API)} calls="1" renewal-period="${kind.period}" />`
              : `<api id="${API.id}" calls="100" renewal-period="${kind.period}"><operation${attrs(combo, op)} calls="1" renewal-period="${kind.period}" /></api>`;
          write(`policies/${opId}.xml`, inbound(`<${kind.el} calls="100" renewal-period="${kind.period}">${inner}</${kind.el}>`));
          operations.push({ ...op, method: "GET", urlTemplate: `/${opId}`, policy: `policies/${opId}.xml` });
          refCases.push({ path: `/${opId}`, kind, level, combo });
        });
    write(
      "gateway.json",
      JSON.stringify({
        products: [{ id: "gold", apis: [API.id], subscriptionRequired: false }],
        subscriptions: [{ id: "alice", primaryKey: "key-alice", product: "gold" }],
        apis: [{ ...API, path: "/orders", serviceUrl: backend.url, subscriptionRequired: false, operations }],
      }),
    );
    gw = createGateway({ config: join(dir, "gateway.json") });
    base = `http://127.0.0.1:${(await gw.listen()).port}/orders`;
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
  });

  for (const p of STATE_POLICIES) {
    it(`${p.id}: ${p.perSubscription ? "limits keyed calls only; anonymous calls are neither limited nor counted" : "limits every call, with or without a key"}`, async () => {
      // Anonymous first: for the per-subscription policies these must leave the keyed counter untouched.
      for (const caller of ["anonymous", "key"] as const) {
        const headers: Record<string, string> = { "X-Who": `${caller}-${p.id}` };
        if (caller === "key") headers["Ocp-Apim-Subscription-Key"] = "key-alice";
        const limited = p.perSubscription ? caller === "key" : true;
        const got: number[] = [];
        for (let i = 0; i < LIMIT + 3; i++) got.push((await rawGet(`${base}/${p.id}`, headers)).status);
        const want = got.map((_, i) => (limited && i >= LIMIT ? p.status : 200));
        expect({ caller, got }).toEqual({ caller, got: want });
      }
    });
  }

  it("a nested <api>/<operation> limit applies when its id names the entity, or (without id) its name does", async () => {
    expect(refCases.length).toBe(KINDS.length * 2 * refCombos.length);
    for (const c of refCases) {
      const key = { "Ocp-Apim-Subscription-Key": "key-alice" };
      const first = await rawGet(base + c.path, key);
      const second = await rawGet(base + c.path, key);
      const want = refersToOwn(c.combo) ? c.kind.status : 200;
      expect({ case: c, statuses: [first.status, second.status] }).toEqual({ case: c, statuses: [200, want] });
    }
  });
});
