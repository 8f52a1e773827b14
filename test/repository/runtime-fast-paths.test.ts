// Declaring a subclass of String (or of the other primitive wrappers) anywhere in the process makes
// V8 drop its fast paths for every string's methods: charCodeAt ran 5x slower and JSON reading 3x in
// the gateway once a boxed char was `class CharBox extends String`. Runtime code must box differently.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });

describe("runtime keeps V8's fast paths", () => {
  it("no source file subclasses a primitive wrapper (String, Number, Boolean, Symbol, BigInt)", () => {
    const wrapper = /\bextends\s+(String|Number|Boolean|Symbol|BigInt)\s*[{<(]/;
    const offenders = ["runtime", "compiler", "gateway"].flatMap(sources).filter((f) => wrapper.test(readFileSync(join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
    expect(wrapper.test("export class CharBox extends String {")).toBe(true);
  });
});
