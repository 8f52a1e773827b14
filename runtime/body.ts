// IMessageBody: the body of a request or response, read by policies with As<T>() under APIM's
// consumption rule (reading without preserveContent leaves the body unavailable afterwards).
import { DotNetException, invalidOperation } from "./errors.js";
import { parseBodyAs, type BodyTarget } from "./body-convert.js";
import type { Readable } from "node:stream";

export class MessageBody {
  private bytes: Buffer | null;
  private consumed = false;
  /**
   * A body the gateway streams through without buffering: set when no policy of the module reads
   * bodies (the compiler says so in `meta.readsBody`). Such a body is never read by a policy.
   */
  private source: Readable | null = null;

  constructor(content: Buffer | string) {
    this.bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  }

  static stream(source: Readable): MessageBody {
    const b = new MessageBody(EMPTY);
    b.source = source;
    return b;
  }

  get isStream(): boolean {
    return this.source !== null;
  }

  /** The streamed source, once; then the body is empty. */
  takeStream(): Readable | null {
    const s = this.source;
    this.source = null;
    return s;
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
    if (this.source) throw invalidOperation("This body is streamed through the gateway and cannot be read by a policy (apimc bug: the module should have asked for buffering).");
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
    if (this.source) throw invalidOperation("This body is streamed through the gateway and cannot be copied (apimc bug: the module should have asked for buffering).");
    return this.bytes ?? EMPTY;
  }

  /** Drops a streamed body nobody will read (so its connection is not held). */
  discard(): void {
    this.takeStream()?.destroy();
  }

  /** What to send on: the stream when streaming, else the bytes. */
  payload(): Buffer | Readable {
    return this.takeStream() ?? this.content();
  }
  /** Bytes that would be sent now (0 once consumed); a streamed body's length is unknown here. */
  get byteLength(): number {
    return this.bytes === null ? 0 : this.bytes.length;
  }
  get isConsumed(): boolean {
    return this.consumed;
  }
}

const EMPTY = Buffer.alloc(0);

export { DotNetException };
