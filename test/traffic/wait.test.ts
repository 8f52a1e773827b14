// wait: immediate children run concurrently; all / any; errors; a child that ends the pipeline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerResponse } from "node:http";
import { runPolicy } from "../../gateway/testing.js";
import { closedPort, startServer, type TestServer } from "../helpers/servers.js";
import { codeOf, doc, errors } from "./helpers.js";

/**
 * /pair/<name> answers only once two /pair requests are in flight together, so a test passes only
 * if the calls really run concurrently (sequential calls would time out). /hold/<name> is held
 * until the test releases it; /fast/<name> answers at once.
 */
let server: TestServer;
let pairWaiting: ServerResponse[] = [];
let held: ServerResponse[] = [];
beforeAll(async () => {
  server = await startServer((req, res) => {
    const [, kind, name] = req.url!.split("/");
    if (kind === "pair") {
      pairWaiting.push(res);
      if (pairWaiting.length === 2) {
        for (const r of pairWaiting) r.end("paired");
        pairWaiting = [];
      }
    } else if (kind === "hold") held.push(res);
    else res.end(`fast ${name}`);
  });
});
afterAll(async () => {
  for (const r of held) r.end("late");
  await server.close();
});

const send = (v: string, path: string, extra = "") =>
  `<send-request mode="new" response-variable-name="${v}" timeout="5" ${extra}><set-url>${server.url}${path}</set-url><set-method>GET</set-method></send-request>`;
const body = (v: string) => `@(((IResponse)context.Variables["${v}"]).Body.As<string>())`;

describe("wait", () => {
  it("for=all (default) runs its children concurrently and waits for all", async () => {
    const r = await runPolicy(doc({ inbound: `<wait>${send("a", "/pair/a")}${send("b", "/pair/b")}</wait><set-variable name="ra" value="${body("a")}" /><set-variable name="rb" value="${body("b")}" />` }));
    expect(r.lastError).toBeUndefined();
    expect(r.variables).toMatchObject({ ra: "paired", rb: "paired" });
  });

  it("for=any completes when the first child completes", async () => {
    const r = await runPolicy(doc({ inbound: `<wait for="any">${send("slow", "/hold/1")}${send("quick", "/fast/q")}</wait><set-variable name="q" value="${body("quick")}" /><set-variable name="hasSlow" value="@(context.Variables.ContainsKey("slow"))" />` }));
    expect(r.variables).toMatchObject({ q: "fast q", hasSlow: false });
  });

  it("for=all: a failing child sends the request to on-error", async () => {
    const port = await closedPort();
    const r = await runPolicy(
      doc({
        inbound: `<wait for="all">${send("a", "/fast/a")}<send-request mode="new" response-variable-name="b" timeout="5"><set-url>http://127.0.0.1:${port}/</set-url><set-method>GET</set-method></send-request></wait>`,
        onError: `<set-variable name="reason" value="@(context.LastError.Reason)" />`,
      }),
    );
    expect(r.variables.reason).toBe("BackendConnectionFailure");
    expect(r.lastError).toMatchObject({ Source: "send-request" });
  });

  it("LastError points at the failing child even when another child ran since", async () => {
    const port = await closedPort();
    const r = await runPolicy(
      doc({ inbound: `<wait><send-request mode="new" response-variable-name="x" timeout="5"><set-url>http://127.0.0.1:${port}/</set-url><set-method>GET</set-method></send-request>${send("held", "/hold/3")}</wait>` }),
    );
    expect(r.lastError).toMatchObject({ Source: "send-request", Reason: "BackendConnectionFailure", Path: "wait[1]\\send-request[1]" });
  });

  it("for=any: a failing child is ignored when another succeeds; when all fail, the first error propagates", async () => {
    const port = await closedPort();
    const bad = (v: string) => `<send-request mode="new" response-variable-name="${v}" timeout="5"><set-url>http://127.0.0.1:${port}/</set-url><set-method>GET</set-method></send-request>`;
    const ok = await runPolicy(doc({ inbound: `<wait for="any">${bad("x")}${send("y", "/fast/y")}</wait><set-variable name="y" value="${body("y")}" />` }));
    expect(ok.variables.y).toBe("fast y");
    const allBad = await runPolicy(doc({ inbound: `<wait for="any">${bad("x")}${bad("z")}</wait>` }));
    expect(allBad.status).toBe(500);
    expect(allBad.lastError).toMatchObject({ Reason: "BackendConnectionFailure", Source: "send-request" });
  });

  it("choose children run concurrently too, and a return-response inside ends the pipeline after the wait", async () => {
    const r = await runPolicy(
      doc({
        inbound: `<wait>
          <choose><when condition="@(true)">${send("a", "/pair/a")}</when></choose>
          <choose><when condition="@(context.Request.Method == "GET")">${send("b", "/pair/b")}<return-response><set-status code="299" reason="Done" /></return-response></when></choose>
        </wait><set-variable name="after" value="1" />`,
      }),
    );
    expect(r.status).toBe(299);
    expect(r.variables).not.toHaveProperty("after");
    expect(r.variables).toHaveProperty("a");
  });

  it("takes cache-lookup-value children", async () => {
    const r = await runPolicy(
      doc({
        inbound: `<cache-store-value key="k1" value="v1" duration="60" /><wait>${send("a", "/fast/a")}<cache-lookup-value key="k1" variable-name="cached" /></wait>`,
      }),
    );
    expect(r.lastError).toBeUndefined();
    expect(r.variables.cached).toBe("v1");
    expect(r.variables).toHaveProperty("a");
  });

  it("for may be an expression", async () => {
    const r = await runPolicy(doc({ inbound: `<wait for="@((string)context.Variables["mode"])">${send("slow", "/hold/2")}${send("quick", "/fast/q")}</wait><set-variable name="done" value="yes" />` }), { variables: { mode: "any" } });
    expect(r.variables.done).toBe("yes");
    const bad = await runPolicy(doc({ inbound: `<wait for="@("some")">${send("quick", "/fast/q")}</wait>` }));
    expect(bad.lastError).toMatchObject({ Source: "wait", Reason: "ExpressionValueEvaluationFailure" });
  });

  it("emits each child as an async arrow run by waitAll / waitAny", () => {
    const code = codeOf(doc({ inbound: `<wait for="any">${send("a", "/a")}${send("b", "/b")}</wait>` }));
    expect(code).toContain("await waitAny(ctx, [");
    expect(code.match(/async \(\) => \{/g)).toHaveLength(2);
  });

  it("diagnostics: allowed children, for, sections", () => {
    expect(errors(doc({ inbound: `<wait><set-variable name="a" value="1" /></wait>` })).map((d) => d.code)).toEqual(["APIMC2009"]);
    expect(errors(doc({ inbound: `<wait for="some">${send("a", "/a")}</wait>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ onError: `<wait>${send("a", "/a")}</wait>` })).map((d) => d.code)).toEqual(["APIMC2006"]);
    expect(errors(doc({ outbound: `<wait>${send("a", "/a")}</wait>` }))).toEqual([]);
  });
});
