// validate-odata-request: generated from the OData 4.0 / 4.01 system query option tables and the
// reference page's attributes: every option with valid and invalid values in both versions, unknown
// and duplicated options, version bounds against every header value, max-size; then the policy end
// to end through the gateway with a real backend and a real client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPolicy } from "../../gateway/testing.js";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { compile } from "../../compiler/index.js";
import { doc, loggedErrors } from "./helpers.js";

const policy = (attrs: string) => doc({ inbound: `<validate-odata-request error-variable-name="errs" ${attrs} /><set-variable name="after" value="1" />` });

const run = (attrs: string, url: string, headers: Record<string, string> = {}, body?: string) =>
  runPolicy(policy(attrs), { request: { method: body === undefined ? "GET" : "POST", url: `https://api.example.com/odata/People${url}`, headers, body } });

const OPTIONS_40 = ["$filter", "$select", "$expand", "$orderby", "$top", "$skip", "$count", "$search", "$format", "$skiptoken", "$deltatoken", "$levels", "$id", "$apply"];
const ONLY_401 = ["$compute", "$index", "$schemaversion"];
/** Per option: values OData accepts, and values it does not (none: any non-empty text is the service's). */
const VALUES: Record<string, { good: string[]; bad: string[] }> = {
  $filter: { good: ["Name eq 'O''Neil'", "(Age gt 3) and contains(Name,'(')"], bad: ["", "Name eq 'x", "(Age gt 3", "Age gt 3)"] },
  $select: { good: ["Name,Age"], bad: [""] },
  $expand: { good: ["Friends($select=Name;$top=2)"], bad: ["Friends($select=Name", ""] },
  $orderby: { good: ["Name desc,Age"], bad: ["", "tolower(Name"] },
  $top: { good: ["0", "25"], bad: ["-1", "ten", "", "2.5"] },
  $skip: { good: ["0", "100"], bad: ["-3", "x"] },
  $count: { good: ["true", "false"], bad: ["yes", "1", ""] },
  $search: { good: ["blue OR green"], bad: [""] },
  $format: { good: ["json", "application/json;odata.metadata=minimal", "xml"], bad: ["yaml", ""] },
  $skiptoken: { good: ["abc"], bad: [""] },
  $deltatoken: { good: ["42"], bad: [""] },
  $levels: { good: ["2", "max"], bad: ["all", "-1"] },
  $id: { good: ["People('x')"], bad: [""] },
  $apply: { good: ["groupby((Name))"], bad: ["groupby((Name)", ""] },
  $compute: { good: ["Age mul 2 as Double"], bad: [""] },
  $index: { good: ["3"], bad: ["x"] },
  $schemaversion: { good: ["1.0"], bad: [""] },
};
const q = (name: string, value: string) => `?${encodeURIComponent(name)}=${encodeURIComponent(value)}`;

describe("validate-odata-request: system query options", () => {
  for (const version of ["4.0", "4.01"]) {
    const options = version === "4.0" ? OPTIONS_40 : [...OPTIONS_40, ...ONLY_401];
    it(`OData ${version}: every option with accepted and refused values`, async () => {
      for (const name of options) {
        for (const value of VALUES[name]!.good) {
          const r = await run(`default-odata-version="${version}"`, q(name, value));
          expect([name, value, r.status, r.variables.errs]).toEqual([name, value, 200, undefined]);
        }
        for (const value of VALUES[name]!.bad) {
          const r = await run(`default-odata-version="${version}"`, q(name, value));
          expect([name, value, r.status]).toEqual([name, value, 400]);
          expect(loggedErrors(r.variables.errs)).toEqual([{ Name: name, Type: "QueryParameter", ValidationRule: "InvalidValue", Details: expect.stringContaining(`system query option ${name} `), Action: "prevent" }]);
          expect(r.variables).not.toHaveProperty("after");
          expect(r.lastError).toMatchObject({ Source: "validate-odata-request", Reason: "Bad request", Section: "inbound" });
        }
      }
    });
  }

  it("4.01 options are unknown in 4.0, and 4.0 names are case-sensitive while 4.01 names are not", async () => {
    for (const name of ONLY_401) {
      const r40 = await run("", q(name, VALUES[name]!.good[0]!));
      expect([name, r40.status, loggedErrors(r40.variables.errs)?.[0]?.ValidationRule]).toEqual([name, 400, "UnknownSystemQueryOption"]);
      expect((await run("", q(name, VALUES[name]!.good[0]!), { "OData-Version": "4.01" })).status).toBe(200);
    }
    for (const name of OPTIONS_40) {
      const upper = "$" + name.slice(1).toUpperCase();
      const value = VALUES[name]!.good[0]!;
      expect([upper, (await run("", q(upper, value))).status]).toEqual([upper, 400]);
      expect([upper, (await run(`default-odata-version="4.01"`, q(upper, value))).status]).toEqual([upper, 200]);
    }
  });

  it("unknown $ options and duplicated options are refused; custom options and aliases are not checked", async () => {
    const unknown = await run("", "?$where=x&$top=1");
    expect(loggedErrors(unknown.variables.errs)).toEqual([{ Name: "$where", Type: "QueryParameter", ValidationRule: "UnknownSystemQueryOption", Details: "Query option $where is not a system query option of OData 4.0.", Action: "prevent" }]);
    expect(unknown.lastError?.Message).toBe("Query option $where is not a system query option of OData 4.0.");
    const twice = await run("", "?$top=1&%24top=2");
    expect(loggedErrors(twice.variables.errs)).toEqual([{ Name: "$top", Type: "QueryParameter", ValidationRule: "DuplicateSystemQueryOption", Details: "System query option $top appears more than once.", Action: "prevent" }]);
    const twiceCase = await run(`default-odata-version="4.01"`, "?$top=1&$TOP=2");
    expect(loggedErrors(twiceCase.variables.errs)?.[0]?.ValidationRule).toBe("DuplicateSystemQueryOption");
    const custom = await run("", "?debug=1&@p=5&where=x&$filter=Age%20gt%20@p");
    expect([custom.status, custom.variables.after]).toEqual([200, "1"]);
  });

  it("every error is logged; the first one is the response", async () => {
    const r = await run("", "?$top=x&$nope=1&$count=maybe", { "OData-Version": "five" });
    expect(loggedErrors(r.variables.errs)?.map((e) => `${e.Name}:${e.ValidationRule}`)).toEqual(["OData-Version:InvalidVersion", "$top:InvalidValue", "$nope:UnknownSystemQueryOption", "$count:InvalidValue"]);
    expect([r.status, r.lastError?.Message]).toEqual([400, "Header OData-Version value 'five' is not an OData version."]);
  });
});

describe("validate-odata-request: versions and size", () => {
  const VERSIONS = ["4.0", "4.01"];
  const bounds: [string | null, string | null][] = [[null, null], ["4.0", null], ["4.01", null], [null, "4.0"], [null, "4.01"], ["4.0", "4.0"], ["4.01", "4.01"], ["4.0", "4.01"]];
  it("every header version (and none, with every default) against every min/max pair", async () => {
    for (const [min, max] of bounds) {
      const attrs = `${min ? `min-odata-version="${min}"` : ""} ${max ? `max-odata-version="${max}"` : ""}`;
      for (const dflt of VERSIONS)
        for (const header of [null, ...VERSIONS]) {
          const version = header ?? dflt;
          const r = await run(`${attrs} default-odata-version="${dflt}"`, "", header ? { "OData-Version": header } : {});
          const rules = loggedErrors(r.variables.errs)?.map((e) => e.ValidationRule) ?? [];
          const want = [...(min && Number(version) < Number(min) ? ["MinVersion"] : []), ...(max && Number(version) > Number(max) ? ["MaxVersion"] : [])];
          expect([attrs, dflt, header, rules, r.status]).toEqual([attrs, dflt, header, want, want.length ? 400 : 200]);
        }
    }
  });

  it("max-size counts the request body's bytes", async () => {
    for (const [size, body] of [[10, "x".repeat(10)], [10, "é".repeat(6)], [0, ""], [100, "y".repeat(99)]] as const) {
      const bytes = Buffer.byteLength(body);
      const r = await run(`max-size="${size}"`, "", { "content-type": "application/json" }, body);
      if (bytes <= size) expect([size, body, r.status]).toEqual([size, body, 200]);
      else {
        expect([size, body, r.status]).toEqual([size, body, 400]);
        expect(loggedErrors(r.variables.errs)).toEqual([{ Name: "", Type: "RequestBody", ValidationRule: "SizeLimit", Details: `Request's body is ${bytes} bytes long and it exceeds the configured limit of ${size} bytes.`, Action: "prevent" }]);
      }
    }
  });
});

describe("validate-odata-request: compile diagnostics", () => {
  const diags = (xml: string) => compile(xml, { file: "p.xml" }).diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
  it.each([
    [`<validate-odata-request default-odata-version="four" />`, "APIMC"],
    [`<validate-odata-request min-odata-version="4.01" max-odata-version="4.0" />`, "APIMC"],
    [`<validate-odata-request max-size="-1" />`, "APIMC"],
    [`<validate-odata-request max-size="@(10)" />`, "APIMC"],
    [`<validate-odata-request><x /></validate-odata-request>`, "APIMC"],
  ])("%s is an error with a position", (policyXml) => {
    const d = diags(`<policies>\n<inbound>\n${policyXml}\n</inbound><backend><forward-request /></backend><outbound /></policies>`);
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]).toMatch(/^APIMC\d{4} 3:\d+$/);
  });
  it("is inbound only, and once per section (a warning)", () => {
    expect(diags(`<policies><inbound /><backend><forward-request /></backend><outbound><validate-odata-request /></outbound></policies>`)).toHaveLength(1);
    const twice = compile(`<policies><inbound><validate-odata-request /><validate-odata-request /></inbound><backend><forward-request /></backend><outbound /></policies>`, { file: "p.xml" }).diagnostics;
    expect(twice.map((d) => d.severity)).toEqual(["warning"]);
  });
});

describe("validate-odata-request through the gateway", () => {
  let dir: string;
  let backend: TestServer;
  let gateway: Gateway;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "apimc-odata-"));
    backend = await startServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json", "odata-version": "4.0" });
      res.end(JSON.stringify({ "@odata.context": "$metadata#People", url: req.url }));
    });
    writeFileSync(join(dir, "odata.xml"), `<policies>\n  <inbound>\n    <base />\n    <validate-odata-request error-variable-name="odataErrors" min-odata-version="4.0" max-odata-version="4.01" max-size="64" />\n  </inbound>\n  <backend><base /></backend>\n  <outbound><base /></outbound>\n  <on-error>\n    <base />\n    <set-header name="X-OData-Errors" exists-action="override"><value>@(context.Variables.ContainsKey("odataErrors") ? ((Newtonsoft.Json.Linq.JArray)context.Variables["odataErrors"]).Count.ToString() : "none")</value></set-header>\n    <set-body>@(context.LastError.Source + ": " + context.LastError.Message)</set-body>\n  </on-error>\n</policies>\n`);
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "people", path: "/odata", serviceUrl: backend.url, policy: "odata.xml" }] }, null, 2) + "\n");
    gateway = createGateway({ config: join(dir, "gateway.json") });
    base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
  });
  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  it("passes conforming requests to the backend and answers 400 with the first error otherwise", async () => {
    const conforming = `${base}/odata/People?$filter=${encodeURIComponent("Name eq 'Ann'")}&$top=2`;
    const ok = await fetch(conforming, { headers: { "OData-Version": "4.0" } });
    // fetch (WHATWG URL) sends ' as %27; the backend gets the query exactly as the client sent it.
    expect([ok.status, ((await ok.json()) as { url: string }).url]).toEqual([200, `/People${new URL(conforming).search}`]);
    const bad = await fetch(`${base}/odata/People?$top=-1&$bogus=1`, { headers: { "OData-Version": "4.0" } });
    expect([bad.status, bad.headers.get("x-odata-errors"), await bad.text()]).toEqual([400, "2", "validate-odata-request: Value '-1' of system query option $top is not a non-negative integer."]);
    const tooNew = await fetch(`${base}/odata/People`, { headers: { "OData-Version": "5.0" } });
    expect([tooNew.status, await tooNew.text()]).toEqual([400, "validate-odata-request: OData version 5.0 of the request is higher than the maximum version 4.01 the API accepts."]);
    const big = await fetch(`${base}/odata/People`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ Name: "x".repeat(100) }) });
    expect([big.status, big.headers.get("x-odata-errors"), await big.text()]).toEqual([400, "1", "validate-odata-request: Request's body is 111 bytes long and it exceeds the configured limit of 64 bytes."]);
  });
});
