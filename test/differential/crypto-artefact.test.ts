// The fuzzer's RSA Mono emulation (generate/fuzz.ts MONO_EMULATIONS, runtime rsa.ts monoRsa): .NET
// Framework's RSACryptoServiceProvider verifies with CryptoAPI (false for any signature or hash that
// does not verify), Mono's managed PKCS#1 code throws for an empty signature or a hash of the wrong
// length, and Mono's HashData reads the null CryptoConfig gives for an unknown name. The rule accepts
// exactly Mono's answers to those inputs and nothing else.
import { describe, expect, it } from "vitest";
import { monoEmulationArtefact } from "./generate/fuzz.js";
import { evaluateWithApimc } from "./apimc-eval.js";
import type { DiffCase } from "./cases.js";
import type { ReferenceResult } from "./csharp-harness.js";
import type { ApimcResult } from "./apimc-eval.js";

const c = (expr: string, type = "bool"): DiffCase => ({ id: "t", type, expr });
const thrown = (type: string, message = "") => ({ kind: "throw", type, message }) as ReferenceResult & ApimcResult;
const value = (text: string) => ({ kind: "value", text }) as ReferenceResult & ApimcResult;
const BAD_LENGTH = (t: string) => thrown("CryptographicException", `bad hash length for System.Security.Cryptography.${t}`);
const verifyHash = (hash: string, sig: string, name = "SHA256") => c(`RSA.Create().VerifyHash(${hash}, ${sig}, HashAlgorithmName.${name}, RSASignaturePadding.Pkcs1)`);
const bytes = (n: number) => `new byte[${n}]`;

/** apimc's .NET answer, then whether Mono's answer `mono` is accepted as the emulated difference. */
async function judge(e: DiffCase, mono: ReferenceResult): Promise<{ dotnet: ApimcResult; accepted: boolean }> {
  const dotnet = await evaluateWithApimc(e);
  return { dotnet, accepted: await monoEmulationArtefact(e, mono, dotnet) };
}

describe("RSA verification of wrong lengths (CryptoAPI: false; Mono: throws)", () => {
  it("is false on .NET Framework and accepts Mono's IndexOutOfRange for every empty signature", async () => {
    for (const h of [0, 20, 32, 33]) {
      const r = await judge(verifyHash(bytes(h), bytes(0)), thrown("IndexOutOfRangeException"));
      expect(r.dotnet).toEqual(value("false"));
      expect(r.accepted).toBe(true);
    }
    const data = await judge(c(`RSA.Create().VerifyData(new byte[] { 1 }, new byte[0], HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)`), thrown("IndexOutOfRangeException"));
    expect(data).toEqual({ dotnet: value("false"), accepted: true });
  });
  it("accepts Mono's 'bad hash length' for each hash length other than the algorithm's", async () => {
    for (const [name, len, type] of [
      ["SHA256", 32, "SHA256Managed"],
      ["SHA1", 20, "SHA1CryptoServiceProvider"],
      ["MD5", 16, "MD5CryptoServiceProvider"],
      ["SHA512", 64, "SHA512Managed"],
    ] as const) {
      for (const n of [0, len - 1, len + 1, 4]) {
        const r = await judge(verifyHash(bytes(n), bytes(128), name), BAD_LENGTH(type));
        expect(r).toEqual({ dotnet: value("false"), accepted: true });
      }
    }
  });
  it("rejects the same exceptions where Mono would not throw them", async () => {
    // the right hash length and a non-empty signature: Mono answers false as .NET does
    expect((await judge(verifyHash(bytes(32), bytes(128)), BAD_LENGTH("SHA256Managed"))).accepted).toBe(false);
    expect((await judge(verifyHash(bytes(32), bytes(3)), thrown("IndexOutOfRangeException"))).accepted).toBe(false);
    // a wrong length but a non-empty signature: "bad hash length", not IndexOutOfRange
    expect((await judge(verifyHash(bytes(4), bytes(3)), thrown("IndexOutOfRangeException"))).accepted).toBe(false);
    // an empty signature comes first: IndexOutOfRange, not "bad hash length"
    expect((await judge(verifyHash(bytes(4), bytes(0)), BAD_LENGTH("SHA256Managed"))).accepted).toBe(false);
    // the argument checks before verification are the same on both: a null signature is not emulated away
    expect((await judge(verifyHash(bytes(4), "null"), thrown("IndexOutOfRangeException"))).accepted).toBe(false);
    // a value Mono does not give
    expect((await judge(verifyHash(bytes(4), bytes(0)), value("true"))).accepted).toBe(false);
  });
});

describe("RSA VerifyData/SignData with a hash name .NET does not know", () => {
  const data = (name: string, pad = "Pkcs1") => c(`RSA.Create().VerifyData(new byte[] { 1 }, new byte[3], new HashAlgorithmName(${JSON.stringify(name)}), RSASignaturePadding.${pad})`);
  const sign = (name: string) => c(`RSA.Create().SignData(new byte[] { 1 }, new HashAlgorithmName(${JSON.stringify(name)}), RSASignaturePadding.Pss).Length`, "int");
  it("throws CryptographicException on .NET Framework and accepts Mono's NullReferenceException", async () => {
    for (const e of [data("x"), data(" padded  ", "Pss"), data("a\tb"), sign("x")]) {
      const r = await judge(e, thrown("NullReferenceException"));
      expect(r.dotnet.kind === "throw" && r.dotnet.type).toBe("CryptographicException");
      expect(r.accepted).toBe(true);
    }
  });
  it("rejects a NullReferenceException for a name Mono's CryptoConfig knows", async () => {
    // "sha256": CryptoConfig knows it, so Mono hashes and then fails on the name as .NET does
    expect((await judge(data("sha256"), thrown("NullReferenceException"))).accepted).toBe(false);
    expect((await judge(data("SHA256"), thrown("NullReferenceException"))).accepted).toBe(false);
    // VerifyHash has no HashData: its unknown name is .NET's CryptographicException on Mono too
    expect((await judge(c(`RSA.Create().VerifyHash(new byte[32], new byte[3], new HashAlgorithmName("x"), RSASignaturePadding.Pkcs1)`), thrown("NullReferenceException"))).accepted).toBe(false);
  });
});

describe("int.MinValue / -1 (Mono's x86-64 JIT traps a computed divisor as DivideByZeroException)", () => {
  const int = (expr: string) => c(expr, "int");
  it("accepts Mono's DivideByZeroException where .NET throws OverflowException, for / and %", async () => {
    for (const e of [
      int(`int.Parse("-2147483648") % (int.Parse("-1") >> int.Parse("2147483647"))`),
      int(`int.Parse("-2147483648") / (-int.Parse("1"))`),
      int(`int.MinValue % (int.Parse("-1") | 0)`),
    ]) {
      const r = await judge(e, thrown("DivideByZeroException"));
      expect(r.dotnet.kind === "throw" && r.dotnet.type).toBe("OverflowException");
      expect(r.accepted).toBe(true);
    }
  });
  it("rejects DivideByZeroException elsewhere: long operands, other dividends and divisors", async () => {
    expect((await judge(c(`long.Parse("-9223372036854775808") % (long.Parse("-1") >> int.Parse("63"))`, "long"), thrown("DivideByZeroException"))).accepted).toBe(false);
    expect((await judge(int(`int.Parse("-2147483647") % (int.Parse("-1") >> 3)`), thrown("DivideByZeroException"))).accepted).toBe(false);
    expect((await judge(int(`int.Parse("-2147483648") % (int.Parse("-16") >> 3)`), thrown("DivideByZeroException"))).accepted).toBe(false);
    expect((await judge(int(`int.Parse("-2147483648") - (int.Parse("-1") >> 3)`), thrown("DivideByZeroException"))).accepted).toBe(false);
  });
});
