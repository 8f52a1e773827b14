// Errors: .NET exceptions raised by expression shims, and the policy error that carries LastError.

/** A .NET exception as seen from a policy expression (`catch (FormatException e)`, `e.Message`). */
export class DotNetException extends Error {
  constructor(
    /** Full .NET type name, e.g. "System.Collections.Generic.KeyNotFoundException". */
    readonly type: string,
    message: string,
    readonly inner?: unknown,
  ) {
    super(message);
  }
  get Message(): string {
    return this.message;
  }
  /** Short type name, e.g. "KeyNotFoundException". */
  get shortType(): string {
    return this.type.slice(this.type.lastIndexOf(".") + 1);
  }
  override toString(): string {
    return `${this.type}: ${this.message}`;
  }
}

export const nullReference = (): DotNetException =>
  new DotNetException("System.NullReferenceException", "Object reference not set to an instance of an object.");
export const keyNotFound = (key: unknown): DotNetException =>
  new DotNetException("System.Collections.Generic.KeyNotFoundException", `The given key '${String(key)}' was not present in the dictionary.`);
export const invalidCast = (from: string, to: string): DotNetException =>
  new DotNetException("System.InvalidCastException", `Unable to cast object of type '${from}' to type '${to}'.`);
export const formatError = (message = "Input string was not in a correct format."): DotNetException =>
  new DotNetException("System.FormatException", message);
export const argumentNull = (param: string): DotNetException =>
  new DotNetException("System.ArgumentNullException", `Value cannot be null.\r\nParameter name: ${param}`);
export const argumentOutOfRange = (param: string, message = "Specified argument was out of the range of valid values."): DotNetException =>
  new DotNetException("System.ArgumentOutOfRangeException", `${message}\r\nParameter name: ${param}`);
export const argumentError = (message: string): DotNetException => new DotNetException("System.ArgumentException", message);
export const invalidOperation = (message: string): DotNetException => new DotNetException("System.InvalidOperationException", message);
export const overflow = (message = "Arithmetic operation resulted in an overflow."): DotNetException =>
  new DotNetException("System.OverflowException", message);
export const divideByZero = (): DotNetException => new DotNetException("System.DivideByZeroException", "Attempted to divide by zero.");
export const indexOutOfRange = (): DotNetException =>
  new DotNetException("System.IndexOutOfRangeException", "Index was outside the bounds of the array.");

/** The fields of `context.LastError`. */
export interface LastErrorFields {
  Source: string;
  Reason: string;
  Message: string;
  Scope: string;
  Section: string;
  Path: string;
  PolicyId: string;
}

/**
 * An error raised by a policy or a built-in step. `status` is the response status APIM gives the
 * client when no on-error changes it.
 */
export class PolicyError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly status = 500,
    /** Overrides the failing policy's name as LastError.Source (e.g. built-in steps). */
    readonly source?: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** Converts any JS/.NET error thrown by an expression into the .NET view of it. */
export function toDotNetException(e: unknown): DotNetException {
  if (e instanceof DotNetException) return e;
  if (e instanceof TypeError && /null|undefined/.test(e.message)) return nullReference();
  if (e instanceof RangeError && /call stack/.test(e.message))
    return new DotNetException("System.InsufficientExecutionStackException", "Insufficient stack to continue executing the program safely.");
  const msg = e instanceof Error ? e.message : String(e);
  return new DotNetException("System.Exception", msg);
}
