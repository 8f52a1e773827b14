// IMessageBody: the body of a request or response, read by policies with As<T>() under APIM's
// consumption rule (reading without preserveContent leaves the body unavailable afterwards).
import { DotNetException, invalidOperation } from "./errors.js";
import { parseBodyAs, type BodyTarget } from "./body-convert.js";

export class MessageBody {
  private bytes: Buffer | null;
  private consumed = false;

  constructor(content: Buffer | string) {
    this.bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  }

  /**
   * `Body.As<T>(preserveContent)`; `target` is the C# type name (`string`, `byte[]`, `JObject`,
   * `JToken`, `JArray`, `XNode`, `XElement`, `XDocument`).
   */
  As(target: BodyTarget, preserveContent = false): unknown {
    const bytes = this.take(preserveContent);
    return parseBodyAs(bytes, target);
  }

  /** `Body.AsFormUrlEncodedContent(preserveContent)`. */
  AsFormUrlEncodedContent(preserveContent = false): unknown {
    return parseBodyAs(this.take(preserveContent), "form");
  }

  private take(preserve: boolean): Buffer {
    if (this.consumed || this.bytes === null)
      throw invalidOperation("The message body has already been read. Use preserveContent: true to read it more than once.");
    const b = this.bytes;
    if (!preserve) {
      this.consumed = true;
      this.bytes = null;
    }
    return b;
  }

  /** What is sent on: the bytes if still there; empty after a consuming read (APIM sends no body). */
  content(): Buffer {
    return this.bytes ?? EMPTY;
  }
  get isConsumed(): boolean {
    return this.consumed;
  }
}

const EMPTY = Buffer.alloc(0);

export { DotNetException };
