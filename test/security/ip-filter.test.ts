// ip-filter: allow / forbid lists of addresses and inclusive ranges, IPv4 and IPv6 (IPv4-mapped
// callers count as IPv4); failures are 403 CallerIpNotAllowed / CallerIpBlocked through on-error.
import { describe, expect, it } from "vitest";
import { doc, errorCodes, runFrom } from "./helpers.js";

const allow = doc({
  inbound: `<ip-filter action="allow"><address>13.66.201.169</address><address-range from="13.66.140.128" to="13.66.140.143" /><address>2001:db8::1</address><address-range from="2001:db8:1::" to="2001:db8:1::ffff" /></ip-filter><set-variable name="after" value="1" />`,
  backend: "<forward-request/>",
});
const forbid = allow.replace('action="allow"', 'action="forbid"');

describe("ip-filter", () => {
  it("allow: listed addresses and range members pass, others get 403 CallerIpNotAllowed", async () => {
    for (const ip of ["13.66.201.169", "13.66.140.128", "13.66.140.135", "13.66.140.143", "::ffff:13.66.140.130", "2001:db8::1", "2001:0db8:0000::0001", "2001:db8:1::abcd"]) {
      const r = await runFrom(allow, ip);
      expect([ip, r.status, r.body]).toEqual([ip, 200, "backend"]);
    }
    for (const ip of ["13.66.140.127", "13.66.140.144", "13.66.201.170", "127.0.0.1", "2001:db8::2", "2001:db8:1::1:0", "::1"]) {
      const r = await runFrom(allow, ip);
      expect([ip, r.status]).toEqual([ip, 403]);
      expect(r.lastError).toMatchObject({ Source: "ip-filter", Reason: "CallerIpNotAllowed", Section: "inbound", Path: "ip-filter[1]" });
      expect(r.lastError!.Message).toMatch(/Access denied\.$/);
      expect(r.variables).not.toHaveProperty("after");
      expect(JSON.parse(r.body)).toMatchObject({ statusCode: 403 });
    }
  });

  it("forbid: listed callers get 403 CallerIpBlocked, others pass", async () => {
    expect((await runFrom(forbid, "13.66.140.140")).lastError).toMatchObject({ Reason: "CallerIpBlocked" });
    expect((await runFrom(forbid, "2001:db8:1::5")).lastError).toMatchObject({ Reason: "CallerIpBlocked" });
    expect((await runFrom(forbid, "10.0.0.1")).status).toBe(200);
  });

  it("an unreadable caller address is FailedToParseCallerIP", async () => {
    const r = await runFrom(allow, "not-an-ip");
    expect(r.status).toBe(403);
    expect(r.lastError).toMatchObject({ Reason: "FailedToParseCallerIP" });
  });

  it("action and <address> may be expressions; on-error sees the failure", async () => {
    const xml = doc({
      inbound: `<ip-filter action="@(context.Variables.GetValueOrDefault(&quot;mode&quot;, &quot;allow&quot;))"><address>@("10.0.0." + "7")</address></ip-filter>`,
      onError: `<set-variable name="reason" value="@(context.LastError.Reason)" />`,
    });
    expect((await runFrom(xml, "10.0.0.7")).status).toBe(200);
    const r = await runFrom(xml, "10.0.0.8");
    expect(r.status).toBe(403);
    expect(r.variables).toMatchObject({ reason: "CallerIpNotAllowed" });
    const bad = await runFrom(doc({ inbound: `<ip-filter action="@(&quot;deny&quot;)"><address>10.0.0.1</address></ip-filter>` }), "10.0.0.1");
    expect(bad.lastError).toMatchObject({ Reason: "ExpressionValueEvaluationFailure" });
  });

  it("diagnostics", () => {
    expect(errorCodes(doc({ inbound: `<ip-filter><address>1.2.3.4</address></ip-filter>` }))).toEqual(["APIMC2004"]);
    expect(errorCodes(doc({ inbound: `<ip-filter action="block"><address>1.2.3.4</address></ip-filter>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<ip-filter action="allow" />` }))).toEqual(["APIMC2005"]);
    expect(errorCodes(doc({ inbound: `<ip-filter action="allow"><address>1.2.3.400</address></ip-filter>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<ip-filter action="allow"><address>10.0.0.0/8</address></ip-filter>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<ip-filter action="allow"><address-range from="10.0.0.9" to="10.0.0.1" /></ip-filter>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<ip-filter action="allow"><address-range from="10.0.0.1" to="::1" /></ip-filter>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<ip-filter action="allow"><address-range from="@(&quot;1.1.1.1&quot;)" to="1.1.1.2" /></ip-filter>` }))).toEqual(["APIMC2007"]);
    expect(errorCodes(doc({ inbound: `<ip-filter action="allow"><address-range from="1.1.1.1" /></ip-filter>` }))).toEqual(["APIMC2004"]);
    expect(errorCodes(doc({ inbound: `<ip-filter action="allow"><ip>1.1.1.1</ip></ip-filter>` }))).toContain("APIMC2009");
    expect(errorCodes(doc({ outbound: `<ip-filter action="allow"><address>1.2.3.4</address></ip-filter>` }))).toEqual(["APIMC2006"]);
    expect(errorCodes(doc({ inbound: `<ip-filter action="allow"><address>13.66.201.169</address><address-range from="13.66.140.128" to="13.66.140.143" /></ip-filter>` }))).toEqual([]);
  });
});
