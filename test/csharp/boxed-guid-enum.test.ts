// A Guid or an enum value converted to object keeps its .NET type (runtime GuidBox, EnumBox; see
// compiler/csharp/lower.ts box()). The differential matrix (test/differential/fuzz-boxing-cases.ts)
// compares every sink with C#; here: set-variable stores a Guid boxed, so the policy patterns that
// read it back behave as in APIM, and the unboxed paths stay plain strings and numbers.
import { describe, expect, it } from "vitest";
import { compile, evaluate, makeContext } from "./helpers.js";

describe("a Guid stored by set-variable is a boxed Guid", () => {
  const ctx = makeContext();
  ctx.Variables.set("id", compile(`@(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"))`, "variable").run(ctx));
  ctx.Variables.set("text", compile(`@(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e").ToString())`, "variable").run(ctx));
  it("unboxes to Guid, prints its text, and is not a string", () => {
    expect(evaluate(`@(((Guid)context.Variables["id"]).ToString("N"))`, ctx)).toBe("0f8fad5bd9cb469fa16570867728950e");
    expect(evaluate(`@(context.Variables.GetValueOrDefault<Guid>("id").ToString())`, ctx)).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(evaluate(`@(context.Variables["id"] is Guid)`, ctx)).toBe(true);
    expect(evaluate(`@(context.Variables["id"] is string)`, ctx)).toBe(false);
    expect(evaluate(`@("id=" + context.Variables["id"])`, ctx)).toBe("id=0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(evaluate(`@(context.Variables["id"].Equals(context.Variables["text"]))`, ctx)).toBe(false);
    expect(() => evaluate(`@((string)context.Variables["id"])`, ctx)).toThrow(/Unable to cast object of type 'System.Guid' to type 'System.String'/);
  });
  it("a Guid's text stored as a string stays a string", () => {
    expect(evaluate(`@(context.Variables["text"] is Guid)`, ctx)).toBe(false);
    expect(() => evaluate(`@((Guid)context.Variables["text"])`, ctx)).toThrow(/cast/i);
  });
});

describe("unboxed Guids and enums stay plain values", () => {
  it("Guid.NewGuid().ToString() and concatenation of a Guid allocate no box", () => {
    for (const src of [`@(Guid.NewGuid().ToString())`, `@("id-" + Guid.NewGuid())`, `@($"{Guid.NewGuid()}")`]) {
      const c = compile(src);
      expect(c.ok).toBe(true);
      expect([...c.helpers].filter((h) => h === "boxGuid")).toEqual([]);
    }
  });
  it("a boxed enum's is-test and unboxing check its type; an unboxed enum is a number", () => {
    expect(evaluate(`@((int)DayOfWeek.Friday + 1)`)).toBe(6);
    expect(evaluate(`@(((object)DayOfWeek.Friday) is DayOfWeek && !(((object)DayOfWeek.Friday) is StringComparison) && !(((object)5) is DayOfWeek))`)).toBe(true);
    expect(evaluate(`@((StringComparison)(object)DayOfWeek.Friday)`)).toBe(5);
    expect(() => evaluate(`@((DayOfWeek)(object)"Friday")`)).toThrow(/Unable to cast object of type 'System.String' to type 'System.DayOfWeek'/);
    expect(evaluate(`@(string.Join(",", new object[] { RegexOptions.IgnoreCase | RegexOptions.Multiline, (DayOfWeek)9 }))`)).toBe("IgnoreCase, Multiline,9");
  });
});
