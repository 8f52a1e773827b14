// The page's source map reader (gateway/workbench/page/source-map.ts) against the compiler's writer:
// generated lines back to the policy lines, and a policy's lines forward to its generated lines.
import { describe, expect, it } from "vitest";
import { decodeSegment, generatedLinesFor, generatedToSource } from "../../gateway/workbench/page/source-map.js";
import { compile } from "../../compiler/public.js";

describe("VLQ segments", () => {
  it("decodes every value the writer can produce (signs, multi-digit)", () => {
    // Encoder as the spec defines it (independent of compiler/codegen/sourcemap.ts).
    const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const enc = (n: number) => {
      let v = n < 0 ? (-n << 1) | 1 : n << 1;
      let s = "";
      do {
        let d = v & 31;
        v >>>= 5;
        if (v) d |= 32;
        s += B64[d];
      } while (v);
      return s;
    };
    const values = [0, 1, -1, 15, 16, -16, 31, 32, 1000, -1000, 123456, -987654, 2 ** 28];
    for (const a of values) for (const b of [0, -3, 77]) expect(decodeSegment(enc(a) + enc(b))).toEqual([a, b]);
  });
});

describe("line maps of compiled policies", () => {
  const policy = `<policies>
  <inbound>
    <set-variable name="a" value="@(1 + 2)" />
    <choose>
      <when condition="@(context.Request.Method == &quot;POST&quot;)">
        <set-header name="X-A" exists-action="override">
          <value>@((string)context.Variables["a"])</value>
        </set-header>
      </when>
    </choose>
  </inbound>
  <backend><forward-request /></backend>
  <outbound />
  <on-error />
</policies>`;
  const r = compile(policy, { file: "p.xml", sourceMap: true });
  it("maps generated lines back to the lines of the policies that made them", () => {
    expect(r.map).toBeTruthy();
    const g2s = generatedToSource(r.map!);
    const code = r.code!.split("\n");
    const mappedSources = new Set(g2s.filter((s) => s >= 0));
    // set-variable (line 3), choose (4) and set-header (6) start generated lines (when's test is choose's `if`).
    for (const l of [2, 3, 5]) expect(mappedSources.has(l), `source line ${l + 1}`).toBe(true);
    // The generated line of set-variable computes 1 + 2.
    const setVar = g2s.map((s, g) => (s === 2 ? g : -1)).filter((g) => g >= 0);
    expect(setVar.some((g) => /1 \+ 2|\b3\b/.test(code[g]!))).toBe(true);
  });
  it("forward: a policy's source lines → generated lines (1-based), unmapped continuation lines included", () => {
    const lines = generatedLinesFor(r.map!, new Set([5, 6, 7]));
    expect(lines.length).toBeGreaterThan(0);
    const code = r.code!.split("\n");
    expect(lines.map((l) => code[l - 1]).join("\n")).toMatch(/X-A/);
    expect(generatedLinesFor(r.map!, new Set([999]))).toEqual([]);
  });
});
