// jsonp: ?cb=name wraps a JSON response as name(<json>); without the parameter the JSON is
// unchanged; an invalid callback is 400 CallbackParameterInvalid through on-error.
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { compile } from "../../compiler/index.js";
import { doc, errorCodes, diagnostics } from "./helpers.js";

const json = () => ({ headers: { "Content-Type": "application/json; charset=utf-8" }, body: '{"a":1}' });
const xml = doc({ backend: "<forward-request/>", outbound: `<jsonp callback-parameter-name="cb" />` });

describe("jsonp", () => {
  it("wraps the JSON body in the callback and serves JavaScript", async () => {
    const r = await runPolicy(xml, { request: { url: "/items?cb=handle" }, backend: json });
    expect(r.status).toBe(200);
    expect(r.body).toBe('handle({"a":1});');
    expect(r.headers["content-type"]).toEqual(["application/javascript; charset=utf-8"]);
    expect((await runPolicy(xml, { request: { url: "/items?cb=ns.app.cb_1" }, backend: json })).body).toBe('ns.app.cb_1({"a":1});');
  });

  it("without the callback parameter, or for a non-JSON body, the response is unchanged", async () => {
    const plain = await runPolicy(xml, { request: { url: "/items?other=x" }, backend: json });
    expect(plain.body).toBe('{"a":1}');
    expect(plain.headers["content-type"]).toEqual(["application/json; charset=utf-8"]);
    const text = await runPolicy(xml, { request: { url: "/items?cb=f" }, backend: () => ({ headers: { "Content-Type": "text/plain" }, body: "hi" }) });
    expect(text.body).toBe("hi");
  });

  it("an invalid callback is 400 CallbackParameterInvalid (on-error sees it)", async () => {
    for (const cb of ["alert(1)", "", "1abc", "a..b", "x%3Bdrop"]) {
      const r = await runPolicy(xml, { request: { url: `/items?cb=${cb}` }, backend: json });
      expect([cb, r.status]).toEqual([cb, 400]);
      expect(r.lastError).toMatchObject({ Source: "jsonp", Reason: "CallbackParameterInvalid", Message: "Value of callback parameter cb is not a valid JavaScript identifier.", Section: "outbound" });
    }
    const withHandler = doc({ backend: "<forward-request/>", outbound: `<jsonp callback-parameter-name="cb" />`, onError: `<set-variable name="reason" value="@(context.LastError.Reason)" />` });
    expect((await runPolicy(withHandler, { request: { url: "/?cb=a-b" }, backend: json })).variables).toMatchObject({ reason: "CallbackParameterInvalid" });
  });

  it("the parameter name may be an expression; the module asks for buffered bodies", async () => {
    const dyn = doc({ backend: "<forward-request/>", outbound: `<jsonp callback-parameter-name="@(&quot;call&quot; + &quot;back&quot;)" />` });
    expect((await runPolicy(dyn, { request: { url: "/?callback=f" }, backend: json })).body).toBe('f({"a":1});');
    expect(compile(xml, { file: "p.xml" }).code).toMatch(/readsBody: true/);
  });

  it("diagnostics", () => {
    expect(errorCodes(doc({ outbound: `<jsonp />` }))).toEqual(["APIMC2004"]);
    expect(errorCodes(doc({ outbound: `<jsonp callback-parameter-name=" " />` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<jsonp callback-parameter-name="cb" />` }))).toEqual(["APIMC2006"]);
    expect(errorCodes(doc({ outbound: `<jsonp callback-parameter-name="cb"><x/></jsonp>` }))).toEqual(["APIMC2009"]);
    expect(diagnostics(doc({ outbound: `<jsonp callback-parameter-name="cb" /><jsonp callback-parameter-name="cb" />` }), "warning").map((d) => d.code)).toEqual(["APIMC2016"]);
  });
});
