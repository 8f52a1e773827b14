// Exception members beyond Message and InnerException: HResult (each type's constant, from the .NET
// Framework reference source), GetBaseException, HelpLink.
import { DotNetException, nullReference } from "../errors.js";

const HRESULTS: Record<string, number> = {
  "System.Exception": -2146233088,
  "System.SystemException": -2146233087,
  "System.ArgumentException": -2147024809,
  "System.ArgumentNullException": -2147467261,
  "System.ArgumentOutOfRangeException": -2146233086,
  "System.InvalidOperationException": -2146233079,
  "System.FormatException": -2146233033,
  "System.NullReferenceException": -2147467261,
  "System.InvalidCastException": -2147467262,
  "System.NotSupportedException": -2146233067,
  "System.NotImplementedException": -2147467263,
  "System.OverflowException": -2146233066,
  "System.DivideByZeroException": -2147352558,
  "System.IndexOutOfRangeException": -2146233080,
  "System.Collections.Generic.KeyNotFoundException": -2146232969,
};
const nn = (e: DotNetException | null): DotNetException => {
  if (e === null || e === undefined) throw nullReference();
  return e;
};
export function exHResult(e: DotNetException | null): number {
  return HRESULTS[nn(e).type] ?? -2146233088;
}
/** The innermost exception of the InnerException chain. */
export function exGetBaseException(e: DotNetException | null): DotNetException {
  let x = nn(e);
  while (x.inner instanceof DotNetException) x = x.inner;
  return x;
}
const helpLinks = new WeakMap<DotNetException, string | null>();
export function exHelpLink(e: DotNetException | null): string | null {
  return helpLinks.get(nn(e)) ?? null;
}
export function exSetHelpLink(e: DotNetException | null, v: string | null): string | null {
  helpLinks.set(nn(e), v);
  return v;
}
