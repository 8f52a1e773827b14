// The fuzzer's learned Mono-vs-.NET Framework difference in TimeZoneInfo's names (fuzz.ts
// tzNameArtefact): Mono on Linux says "UTC" where .NET Framework on Windows says "(UTC) Coordinated
// Universal Time". It accepts a case only when apimc, giving Mono's names for the name members of the
// UTC zones, reproduces Mono's answer; any other difference stays a mismatch.
import { describe, expect, it } from "vitest";
import { evaluateWithApimc } from "./apimc-eval.js";
import { tzNameArtefact, agreesWithDotNet } from "./generate/fuzz.js";
import type { DiffCase } from "./cases.js";
import type { ReferenceResult } from "./csharp-harness.js";

const value = (text: string): ReferenceResult => ({ kind: "value", text }) as ReferenceResult;
const c = (expr: string, type = "string"): DiffCase => ({ id: "t", type, expr });

describe("TimeZoneInfo name artefacts (fuzz.ts)", () => {
  // [expression, type, Mono/Linux's answer] (recorded from Mono with TZ=UTC)
  const known: [string, string, string][] = [
    ["TimeZoneInfo.Utc.DisplayName", "string", "UTC"],
    ["TimeZoneInfo.Utc.StandardName", "string", "UTC"],
    ["TimeZoneInfo.Utc.DaylightName", "string", "UTC"],
    ["TimeZoneInfo.Local.DaylightName", "string", ""],
    ["TimeZoneInfo.Local.StandardName", "string", "UTC"],
    ["TimeZoneInfo.Utc.ToString()", "string", "UTC"],
    ["\"z=\" + TimeZoneInfo.Local", "string", "z=UTC"],
    ["string.CompareOrdinal(Uri.UriSchemeFtp, TimeZoneInfo.Utc.ToString())", "int", "17"],
    ["TimeZone.CurrentTimeZone.StandardName", "string", "UTC"],
    ["TimeZone.CurrentTimeZone.DaylightName + \"|\"", "string", "|"],
  ];
  for (const [expr, type, mono] of known)
    it(`accepts Mono's ${JSON.stringify(mono)} for ${expr}`, async () => {
      const a = await evaluateWithApimc(c(expr, type));
      expect(a.kind).toBe("value");
      expect(await tzNameArtefact(c(expr, type), value(mono), a)).toBe(true);
      expect(await agreesWithDotNet(c(expr, type), value(mono), a)).toBe(true);
    });
  it("rejects other differences: a wrong name, an id, an offset, a conversion, a case without TimeZoneInfo", async () => {
    const rejects: [string, string, string][] = [
      ["TimeZoneInfo.Utc.DisplayName", "string", "Coordinated"],
      ["TimeZoneInfo.Local.DaylightName", "string", "UTC"],
      ["TimeZoneInfo.Utc.Id", "string", "Etc/UTC"],
      ["TimeZoneInfo.Utc.BaseUtcOffset.ToString()", "string", "01:00:00"],
      ["TimeZoneInfo.ConvertTimeFromUtc(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Local).ToString(\"o\")", "string", "2020-01-01T00:00:00.0000000Z"],
      ["\"UTC\".ToLower()", "string", "UTC"],
      ["TimeZone.CurrentTimeZone.DaylightName", "string", "UTC"],
      ["TimeZone.CurrentTimeZone.ToUniversalTime(new DateTime(2020, 1, 1)).Kind.ToString()", "string", "Local"],
    ];
    for (const [expr, type, mono] of rejects) expect(await agreesWithDotNet(c(expr, type), value(mono), await evaluateWithApimc(c(expr, type))), expr).toBe(false);
  });
  it("leaves the runtime giving .NET Framework's names afterwards", async () => {
    const e = c("TimeZoneInfo.Utc.DisplayName");
    await tzNameArtefact(e, value("UTC"), await evaluateWithApimc(e));
    expect(await evaluateWithApimc(e)).toMatchObject({ kind: "value", text: "(UTC) Coordinated Universal Time" });
  });
});
