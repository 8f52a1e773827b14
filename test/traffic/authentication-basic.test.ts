// authentication-basic: the backend gets Authorization: Basic base64(username:password).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { codeOf, doc, errors } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => res.end(req.headers.authorization ?? "none"));
});
afterAll(() => server.close());

const decode = (h: string) => Buffer.from(h.replace(/^Basic /, ""), "base64").toString("utf8");

describe("authentication-basic", () => {
  it("sets the Authorization header of the backend request, replacing the caller's", async () => {
    const r = await runPolicy(doc({ inbound: `<authentication-basic username="testuser" password="testpassword" />`, backend: "<forward-request/>" }), {
      backend: server.url,
      request: { headers: { Authorization: "Bearer caller" } },
    });
    expect(r.body).toBe(`Basic ${Buffer.from("testuser:testpassword").toString("base64")}`);
  });

  it("encodes UTF-8 and takes expressions (named values too)", async () => {
    const r = await runPolicy(doc({ inbound: `<authentication-basic username="@((string)context.Variables["u"])" password="{{pw}}" />`, backend: "<forward-request/>" }), {
      backend: server.url,
      variables: { u: "jürgen" },
      namedValues: { pw: "p:ss wörd" },
    });
    expect(decode(r.body)).toBe("jürgen:p:ss wörd");
  });

  it("literal credentials compile to a hoisted header entry", () => {
    const code = codeOf(doc({ inbound: `<authentication-basic username="a" password="b" />` }));
    expect(code).toContain(`ctx.Request.Headers.setLower("authorization", AUTHORIZATION);`);
    expect(code).toContain(Buffer.from("a:b").toString("base64"));
  });

  it("diagnostics: both attributes required, no ':' in a literal username, inbound only", () => {
    expect(errors(doc({ inbound: `<authentication-basic username="a" />` })).map((d) => d.code)).toEqual(["APIMC2004"]);
    expect(errors(doc({ inbound: `<authentication-basic username="a:b" password="c" />` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ outbound: `<authentication-basic username="a" password="b" />` })).map((d) => d.code)).toEqual(["APIMC2006"]);
  });
});

describe("authentication-basic once per section", () => {
  it("warns on a second one in the same section", async () => {
    const { warnings } = await import("./helpers.js");
    expect(warnings(doc({ inbound: `<authentication-basic username="a" password="b" /><authentication-basic username="c" password="d" />` })).map((d) => d.code)).toEqual(["APIMC2016"]);
    expect(warnings(doc({ inbound: `<authentication-basic username="a" password="b" />` }))).toEqual([]);
  });
});
