import { CRYPTO_CASES } from "./crypto-cases.js";
import { X509_CASES } from "./x509-cases.js";
import { runReference, toReferenceResult } from "./csharp-harness.js";
import { evaluateWithApimc } from "./apimc-eval.js";
import { fromExpectation, render } from "./canonical.js";
const filter = process.argv[2] ?? "";
const cases = [...CRYPTO_CASES, ...X509_CASES].filter((c) => c.id.includes(filter));
const ref = await runReference(cases);
let bad = 0;
for (const c of cases) {
  const r = ref.get(c.id);
  const e = r ? toReferenceResult(r) : null;
  const exp = c.expectDotNet !== undefined ? fromExpectation(c.expectDotNet) : e;
  const a = await evaluateWithApimc(c);
  if (process.env.SHOWMSG && a.kind === "throw") console.log(c.id, (a as any).message);
  const at = a.kind === "compile-error" ? `<compile ${a.codes} ${(a as any).message ?? ""}>` : render(a as any);
  const et = exp && exp.kind !== "type-mismatch" ? render(exp as any) : JSON.stringify(e);
  if (at !== et) { bad++; console.log(`DIFF ${c.id}\n  mono:  ${et}${e && c.expectDotNet !== undefined ? " (mono " + render(e as any) + ")" : ""}\n  apimc: ${at}`); }
}
console.log(`${cases.length - bad}/${cases.length} agree`);
