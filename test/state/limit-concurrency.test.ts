// limit-concurrency: children run inside; requests over max-count get 429 at once; slots are released.
import { describe, expect, it } from "vitest";
import { newEnvironment } from "../../runtime/context.js";
import { compileErrors, doc, run } from "./helpers.js";

describe("limit-concurrency", () => {
  const xml = doc({
    inbound: `<set-variable name="before" value="1" />`,
    backend: `<limit-concurrency key="@((string)context.Variables["before"])" max-count="2"><forward-request timeout="10" /></limit-concurrency>`,
  });

  it("lets max-count requests in at a time and turns the others away with 429", async () => {
    const environment = newEnvironment();
    const waiting: (() => void)[] = [];
    const backend = () => new Promise<{ status: number; body: string }>((resolve) => waiting.push(() => resolve({ status: 200, body: "ok" })));
    const p1 = run(xml, { environment, backend });
    const p2 = run(xml, { environment, backend });
    await new Promise((r) => setTimeout(r, 20));
    expect(waiting.length).toBe(2);
    const r3 = await run(xml, { environment, backend });
    expect(r3.status).toBe(429);
    expect(r3.lastError).toMatchObject({ Source: "limit-concurrency", Reason: "ConcurrencyLimitExceeded", Section: "backend" });
    waiting.forEach((w) => w());
    expect((await p1).status).toBe(200);
    expect((await p2).status).toBe(200);
    // slots are free again
    const p4 = run(xml, { environment, backend });
    await new Promise((r) => setTimeout(r, 20));
    waiting[2]!();
    expect((await p4).body).toBe("ok");
  });

  it("releases the slot when a child fails or returns a response", async () => {
    const environment = newEnvironment();
    const failing = doc({ inbound: `<limit-concurrency key="k" max-count="1"><set-variable name="x" value="@(((string)null).Length)" /></limit-concurrency>` });
    for (let i = 0; i < 3; i++) expect((await run(failing, { environment })).status).toBe(500);
    const returning = doc({ inbound: `<limit-concurrency key="k" max-count="1"><return-response><set-status code="202" reason="Accepted" /></return-response></limit-concurrency>` });
    for (let i = 0; i < 3; i++) expect((await run(returning, { environment })).status).toBe(202);
  });

  it("keys are separate", async () => {
    const environment = newEnvironment();
    let release!: () => void;
    const slow = () => new Promise<{ status: number }>((r) => (release = () => r({ status: 200 })));
    const x = doc({ backend: `<limit-concurrency key="@(context.Request.Headers.GetValueOrDefault("K",""))" max-count="1"><forward-request /></limit-concurrency>` });
    const p = run(x, { environment, backend: slow, request: { headers: { K: "a" } } });
    await new Promise((r) => setTimeout(r, 20));
    expect((await run(x, { environment, request: { headers: { K: "b" } } })).status).toBe(200);
    expect((await run(x, { environment, request: { headers: { K: "a" } } })).status).toBe(429);
    release();
    await p;
  });

  it("max-count is a literal positive integer", () => {
    expect(compileErrors(doc({ inbound: `<limit-concurrency key="k" max-count="@(2)"></limit-concurrency>` }))).toMatch(/APIMC2007/);
    expect(compileErrors(doc({ inbound: `<limit-concurrency key="k" max-count="0"></limit-concurrency>` }))).toMatch(/between 1 and/);
    expect(compileErrors(doc({ inbound: `<limit-concurrency max-count="1"></limit-concurrency>` }))).toMatch(/APIMC2004.*key/);
  });
});
