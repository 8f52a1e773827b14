// Injection: every hostile payload in every position a policy carries text. Each compile gives a
// diagnostic, or a module that verifies and, run, delivers the payload unchanged as data.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile, fragmentsFromDirectory } from "../../compiler/index.js";
import { attempt, mustRun, policies } from "./harness.js";
import { csChar, csInterpolatedText, csString, csVerbatim, NOT_XML_CHARS, PAYLOADS, prototypeSnapshot, utf8, xmlAttr, xmlText } from "./payloads.js";

const names = Object.keys(PAYLOADS);
const protoBefore = prototypeSnapshot();
const body = (expr: string) => `<return-response><set-status code="200" reason="OK"/><set-body>${expr}</set-body></return-response>`;

afterAll(() => {
  // Nothing a payload did reached a prototype or the global object.
  expect(prototypeSnapshot()).toBe(protoBefore);
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
});

describe.each(names)("payload %s", (name) => {
  const p = PAYLOADS[name]!;
  const xmlOk = !NOT_XML_CHARS.has(name);

  it("attribute value (set-variable value): arrives exactly", async () => {
    const o = await attempt(policies(`<set-variable name="v" value="${xmlAttr(p)}"/>${body("done")}`));
    if (xmlOk) {
      expect(o.kind).toBe("ran");
      if (o.kind === "ran") expect(o.result.variables.v).toBe(p);
    } else if (o.kind === "ran") expect(o.result.variables.v).toBe(p);
  });

  it("attribute value (policy id) reaches LastError.PolicyId exactly", async () => {
    const id = xmlAttr(p);
    const o = await attempt(
      policies(`<set-variable id="${id}" name="v" value="@(((string)null).Length)"/>`, "", `<return-response><set-body>@(context.LastError.PolicyId)</set-body></return-response>`),
    );
    if (xmlOk) expect(o.kind).toBe("ran");
    if (o.kind === "ran") {
      expect(o.result.lastError?.PolicyId).toBe(p);
      expect(o.result.body).toBe(utf8(p));
    }
  });

  it("element text (set-body, escaped and CDATA): arrives exactly", async () => {
    const o = await attempt(policies(body(xmlText(p))));
    if (xmlOk) expect(o.kind).toBe("ran");
    if (o.kind === "ran") expect(o.result.body).toBe(utf8(p));
    if (!p.includes("]]>")) {
      const c = await attempt(policies(body(`<![CDATA[${p}]]>`)));
      if (xmlOk) expect(c.kind).toBe("ran");
      if (c.kind === "ran") expect(c.result.body).toBe(utf8(p));
    }
  });

  it("header value (literal <value> and computed): arrives exactly or is refused", async () => {
    const lit = await attempt(policies("", `<set-header name="X-H" exists-action="override"><value>${xmlText(p)}</value></set-header>`));
    const exotic = name === "nul" || name === "lineSeparators" || name === "loneSurrogates";
    if (!exotic) expect(lit.kind).toBe("ran");
    if (lit.kind === "ran") expect(lit.result.headers["x-h"]).toEqual([p]);
    const comp = await attempt(policies("", `<set-header name="X-H" exists-action="override"><value>@(${xmlText(csString(p))})</value></set-header>`));
    if (comp.kind === "ran") {
      if (name === "nul") {
        expect(comp.result.status).toBe(500);
        expect(comp.result.lastError?.Reason).toBe("ExpressionValueEvaluationFailure");
      } else expect(comp.result.headers["x-h"]).toEqual([p]);
    } else expect(comp.codes.every((c) => /^APIMC[123]/.test(c))).toBe(true);
  });

  it("header name (literal and computed): a token arrives exactly, anything else is refused", async () => {
    const isToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(p);
    const lit = await attempt(policies("", `<set-header name="${xmlAttr(p)}" exists-action="override"><value>v</value></set-header>`));
    if (isToken) {
      expect(lit.kind).toBe("ran");
      if (lit.kind === "ran") {
        expect(Object.prototype.hasOwnProperty.call(lit.result.headers, p.toLowerCase())).toBe(true);
        expect(lit.result.headers[p.toLowerCase()]).toEqual(["v"]);
      }
    } else if (lit.kind === "ran") {
      // A literal name that is not a token may only be refused at run time, never sent.
      expect(lit.result.status).toBe(500);
      expect(Object.keys(lit.result.headers)).not.toContain(p.toLowerCase());
    }
    const comp = await attempt(policies("", `<set-header name="@(${xmlAttr(csString(p))})" exists-action="override"><value>v</value></set-header>`));
    expect(comp.kind).toBe("ran");
    if (comp.kind === "ran") {
      if (isToken) expect(comp.result.headers[p.toLowerCase()]).toEqual(["v"]);
      else {
        expect(comp.result.status).toBe(500);
        expect(comp.result.lastError?.Reason).toBe("ExpressionValueEvaluationFailure");
      }
    }
  });

  it("variable name: set, read back by a C# indexer, and listed exactly", async () => {
    const xml = policies(`<set-variable name="${xmlAttr(p)}" value="val"/>${body(`@((string)context.Variables[${xmlText(csString(p))}] + "|" + context.Variables.ContainsKey(${xmlText(csString(p))}))`)}`);
    const o = await attempt(xml);
    if (xmlOk) expect(o.kind).toBe("ran");
    if (o.kind === "ran") {
      expect(o.result.body).toBe("val|True");
      expect(Object.prototype.hasOwnProperty.call(o.result.variables, p)).toBe(true);
      expect(o.result.variables[p]).toBe("val");
    }
  });

  it("named value (its value) in literal text arrives exactly; in C# it is C# source, sandboxed", async () => {
    const lit = await attempt(policies(`<set-variable name="v" value="{{nv}}"/>${body("done")}`), { namedValues: { nv: p } });
    if (name !== "at") expect(lit.kind).toBe("ran");
    if (lit.kind === "ran") expect(lit.result.variables.v).toBe(p);
    // Text substitution inside a C# string literal: a quote in the value ends the literal, as in APIM.
    const inExpr = await attempt(policies(`<set-variable name="v" value="@(&quot;{{nv}}&quot;)"/>`), { namedValues: { nv: p } });
    if (inExpr.kind === "ran" && !/["\\]/.test(p) && !/[\u0000\u2028\u2029]/.test(p)) expect(inExpr.result.variables.v).toBe(p);
  });

  it("named value (its name): only an own entry of the table resolves", async () => {
    const table = JSON.parse(`{${JSON.stringify(p)}: "resolved"}`) as Record<string, string>;
    const ref = `{{${p}}}`;
    const known = await attempt(policies(`<set-variable name="v" value="${xmlAttr(ref)}"/>`), { namedValues: table });
    const empty = await attempt(policies(`<set-variable name="v" value="${xmlAttr(ref)}"/>`), { namedValues: {} });
    if (/^[A-Za-z0-9._-]+$/.test(p)) {
      expect(known.kind === "ran" && known.result.variables.v).toBe("resolved");
      expect(empty.kind === "diagnostic" && empty.codes).toEqual(["APIMC2017"]);
    } else {
      // Not a name the {{...}} syntax accepts: the text stays as written.
      if (known.kind === "ran") expect(known.result.variables.v).toBe(ref);
      if (empty.kind === "ran") expect(empty.result.variables.v).toBe(ref);
    }
  });

  it("fragment id: the resolver sees exactly the id; the directory resolver refuses it", async () => {
    const seen: string[] = [];
    const o = await attempt(policies(`<include-fragment fragment-id="${xmlAttr(p)}"/>${body("@((string)context.Variables[&quot;f&quot;])")}`), {
      fragments: (id) => {
        seen.push(id);
        return { file: "f.xml", source: `<fragment><set-variable name="f" value="${xmlAttr(id)}"/></fragment>` };
      },
    });
    if (xmlOk) {
      expect(o.kind).toBe("ran");
      expect(new Set(seen)).toEqual(new Set([p.trim()]));
    }
    if (o.kind === "ran") expect(o.result.variables.f).toBe(p.trim());
    const dir = await attempt(policies(`<include-fragment fragment-id="${xmlAttr(p)}"/>`), { fragments: fragmentsFromDirectory(fragDir) });
    expect(dir.kind).toBe("diagnostic");
    if (dir.kind === "diagnostic") expect(dir.codes.every((c) => c === "APIMC2018" || c === "APIMC1001")).toBe(true);
    if (xmlOk) expect(dir.kind === "diagnostic" && dir.codes).toEqual(["APIMC2018"]);
  });

  it("C# string literal (regular, raw in an attribute, escaped, in element text): arrives exactly", async () => {
    const cs = csString(p);
    // raw: the C# source written as is inside the attribute (rawxml)
    // (an '&' in raw C# source is still XML: "&amp;" reads as "&", so only payloads without one)
    if (!cs.includes("&")) {
      const raw = await mustRun(policies(`<set-variable name="v" value="@(${cs})"/>`));
      expect(raw.variables.v).toBe(p);
    }
    const esc = await mustRun(policies(`<set-variable name="v" value="@(${xmlAttr(cs)})"/>`));
    expect(esc.variables.v).toBe(p);
    const text = await mustRun(policies(`<set-variable name="v" value="x"/>${body(`@(${cs.includes("&") ? xmlText(cs) : cs})`)}`));
    expect(text.body).toBe(utf8(p));
    const block = await mustRun(policies(`<set-variable name="v" value="@{ var s = ${xmlAttr(cs)}; return s; }"/>`));
    expect(block.variables.v).toBe(p);
  });

  it("C# verbatim string: arrives exactly", async () => {
    if (!xmlOk) return;
    const r = await mustRun(policies(`<set-variable name="v" value="@(${xmlAttr(csVerbatim(p))})"/>`));
    expect(r.variables.v).toBe(p);
  });

  it("C# char literals: each unit arrives exactly", async () => {
    const units = [...p].flatMap((c) => c.split("")).slice(0, 40);
    const expr = `"" + ${units.map(csChar).join(" + ")}`;
    const r = await mustRun(policies(`<set-variable name="v" value="@(${xmlAttr(expr)})"/>`));
    expect(r.variables.v).toBe(units.join(""));
    const s = await mustRun(policies(`<set-variable name="v" value="@(${xmlAttr(`${csChar(units[0]!)}.ToString()`)})"/>`));
    expect(s.variables.v).toBe(units[0]);
  });

  it("C# interpolated string: literal text and holes arrive exactly", async () => {
    const expr = `$"${csInterpolatedText(p)}|{${csString(p)}}|{1 + 1}"`;
    const r = await mustRun(policies(`<set-variable name="v" value="@(${xmlAttr(expr)})"/>`));
    expect(r.variables.v).toBe(`${p}|${p}|2`);
  });

  it("C# comments: ignored, or the document is refused", async () => {
    for (const src of [`@{ // ${p}\nreturn "ok"; }`, `@{ /* ${p} */ return "ok"; }`, `@(/* ${p} */ "ok")`]) {
      const o = await attempt(policies(`<set-variable name="v" value="${xmlAttr(src)}"/>`));
      const breaksComment = p.includes("*/") || /[\u2028\u2029]/.test(p);
      if (!breaksComment) expect(o.kind).toBe("ran");
      if (o.kind === "ran") expect(o.result.variables.v).toBe("ok");
      else expect(o.codes.every((c) => /^APIMC[13]/.test(c))).toBe(true);
    }
  });

  it("XML comments and processing instructions around policies: ignored", async () => {
    if (p.includes("--") || !xmlOk) return;
    const r = await mustRun(`<!-- ${p.replace(/-$/, "- ")} --><policies><inbound><!-- ${p.replace(/-$/, "- ")} --><set-variable name="v" value="1"/></inbound></policies>`);
    expect(r.variables.v).toBe("1");
  });

  it("file name: the module header comment cannot be broken", () => {
    const r = compile(policies(`<set-variable name="v" value="1"/>`), { file: `x${p}\nprocess.exit(1)//\u2028globalThis.pwned=1//` });
    expect(r.diagnostics.filter((d) => d.code.startsWith("APIMC9"))).toEqual([]);
    expect(r.code).not.toBeNull();
  });
});

const fragDir = mkdtempSync(join(tmpdir(), "apimc-frag-"));
writeFileSync(join(fragDir, "ok.xml"), `<fragment><set-variable name="f" value="1"/></fragment>`);
writeFileSync(join(tmpdir(), "apimc-outside.xml"), `<fragment><set-variable name="f" value="escaped"/></fragment>`);

describe("fragment ids that look like paths", () => {
  it.each(["../apimc-outside", "..\\apimc-outside", "/etc/passwd", "ok/../ok", "ok\u0000", "%2e%2e/apimc-outside", " ../apimc-outside"])("%j is not found", async (id) => {
    const o = await attempt(policies(`<include-fragment fragment-id="${xmlAttr(id)}"/>`), { fragments: fragmentsFromDirectory(fragDir) });
    expect(o.kind).toBe("diagnostic");
    if (o.kind === "diagnostic") expect(o.codes.some((c) => c === "APIMC2018" || c === "APIMC1001")).toBe(true);
  });
  it("a plain id is found", async () => {
    const r = await mustRun(policies(`<include-fragment fragment-id="ok"/>`), { fragments: fragmentsFromDirectory(fragDir) });
    expect(r.variables.f).toBe("1");
  });
});

describe("a value that starts with @( or @{", () => {
  it("is an expression wherever it comes from (as in APIM), and only at the start", async () => {
    expect((await mustRun(policies(`<set-variable name="v" value="@(1+1)"/>`))).variables.v).toBe(2);
    expect((await mustRun(policies(`<set-variable name="v" value="x@(1+1)"/>`))).variables.v).toBe("x@(1+1)");
    expect((await mustRun(policies(`<set-variable name="v" value="{{nv}}"/>`), { namedValues: { nv: "@(1+1)" } })).variables.v).toBe(2);
  });
});
