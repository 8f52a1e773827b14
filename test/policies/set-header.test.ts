import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { runPolicy } from "../../gateway/testing.js";

const inbound = (body: string) => `<policies><inbound>${body}</inbound><backend><forward-request/></backend><outbound/></policies>`;
const outbound = (body: string) => `<policies><inbound/><backend><forward-request/></backend><outbound>${body}</outbound></policies>`;

describe("set-header", () => {
  it("override replaces the request header sent to the backend, keeping several values", async () => {
    const r = await runPolicy(inbound(`<set-header name="X-A" exists-action="override"><value>1</value><value>2</value></set-header>`), {
      request: { headers: { "x-a": "old" } },
    });
    expect(r.backendRequest!.headers["x-a"]).toEqual(["1", "2"]);
  });

  it("skip keeps an existing header and sets a missing one", async () => {
    const r = await runPolicy(
      inbound(`<set-header name="X-A" exists-action="skip"><value>new</value></set-header><set-header name="X-B" exists-action="skip"><value>new</value></set-header>`),
      { request: { headers: { "X-A": "old" } } },
    );
    expect(r.backendRequest!.headers["x-a"]).toEqual(["old"]);
    expect(r.backendRequest!.headers["x-b"]).toEqual(["new"]);
  });

  it("append adds to the existing values; delete removes the header whatever its case", async () => {
    const r = await runPolicy(
      inbound(`<set-header name="x-a" exists-action="append"><value>2</value></set-header><set-header name="X-DEL" exists-action="delete"/>`),
      { request: { headers: { "X-A": "1", "x-del": "gone" } } },
    );
    expect(r.backendRequest!.headers["x-a"]).toEqual(["1", "2"]);
    expect(r.backendRequest!.headers["x-del"]).toBeUndefined();
  });

  it("default exists-action is override", async () => {
    const r = await runPolicy(inbound(`<set-header name="X-A"><value>v</value></set-header>`), { request: { headers: { "x-a": "old" } } });
    expect(r.backendRequest!.headers["x-a"]).toEqual(["v"]);
  });

  it("in outbound edits the response to the client", async () => {
    const r = await runPolicy(outbound(`<set-header name="X-Out" exists-action="override"><value>o</value></set-header><set-header name="X-Backend" exists-action="delete"/>`), {
      backend: () => ({ status: 201, headers: { "X-Backend": "b", "X-Keep": "k" }, body: "hi" }),
    });
    expect(r.status).toBe(201);
    expect(r.headers["x-out"]).toEqual(["o"]);
    expect(r.headers["x-backend"]).toBeUndefined();
    expect(r.headers["x-keep"]).toEqual(["k"]);
    expect(r.body).toBe("hi");
  });

  it("a literal name and value compile to one map operation on a hoisted constant", () => {
    const r = compile(inbound(`<set-header name="X-A" exists-action="override"><value>1</value></set-header>`));
    expect(r.code).toMatch(/ctx\.Request\.Headers\.setLower\("x-a", HEADER\);/);
    expect(r.code).not.toMatch(/setHeader\(/);
  });

  it.each(["Connection", "content-length", "Keep-Alive", "Transfer-Encoding"])("refuses to change %s at compile time", (name) => {
    const src = inbound(`\n<set-header name="${name}" exists-action="override"><value>1</value></set-header>`);
    const r = compile(src);
    expect(r.code).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: "APIMC2012", line: 2 });
  });

  it("refuses to delete the Server response header, but allows overriding it", () => {
    expect(compile(outbound(`<set-header name="Server" exists-action="delete"/>`)).diagnostics[0]?.code).toBe("APIMC2012");
    expect(compile(outbound(`<set-header name="Server" exists-action="override"><value>x</value></set-header>`)).code).not.toBeNull();
  });

  it("warns that an Expect request header is never sent (the gateway answers 100-continue itself)", () => {
    const r = compile(inbound(`<set-header name="Expect" exists-action="override"><value>100-continue</value></set-header>`));
    expect(r.code).not.toBeNull();
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "APIMC2015", line: 1 })]);
    expect(r.diagnostics[0]!.message).toContain("never sends an 'Expect' header");
    // Deleting it, or setting it on the response, is fine.
    expect(compile(inbound(`<set-header name="Expect" exists-action="delete"/>`)).diagnostics).toEqual([]);
    expect(compile(outbound(`<set-header name="Expect"><value>x</value></set-header>`)).diagnostics).toEqual([]);
  });

  it("rejects an unknown exists-action and an invalid header name", () => {
    const a = compile(inbound(`<set-header name="X" exists-action="replace"><value>1</value></set-header>`));
    expect(a.diagnostics[0]).toMatchObject({ code: "APIMC2008" });
    expect(a.diagnostics[0]!.message).toContain("'override'");
    const b = compile(inbound(`<set-header name="X Y"><value>1</value></set-header>`));
    expect(b.diagnostics[0]).toMatchObject({ code: "APIMC2008" });
  });

  it("treats header values as data: quotes, backslashes and script text arrive unchanged", async () => {
    const nasty = `"); process.exit(1); //\\ \${x} \`</script>\u2028`;
    const xml = inbound(`<set-header name="X-N"><value>${nasty.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</value></set-header>`);
    const r = await runPolicy(xml);
    expect(r.backendRequest!.headers["x-n"]).toEqual([nasty.trim()]);
  });
});
