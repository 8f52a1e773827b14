// A local OpenAI-compatible server for the AI gateway tests: POST .../chat/completions answers JSON
// with `usage`, or server-sent events when the request says "stream": true (a usage chunk last when
// stream_options.include_usage is true). The completion is `x-completion` words ("tok" each, one
// token apiece), default 5; prompt_tokens is `x-prompt-tokens`, default 10. A stream can be held
// after its first chunk until `release()`, to see that the gateway passes chunks on as they come.
import { startServer, type TestServer } from "../helpers/servers.js";

export interface OpenAiMock extends TestServer {
  /** Chat completion requests received (bodies parsed). */
  calls: { body: Record<string, unknown> }[];
  /** Holds streams after their first chunk until released. */
  hold(): void;
  release(): void;
}

export async function startOpenAiMock(): Promise<OpenAiMock> {
  const calls: OpenAiMock["calls"] = [];
  let held: Promise<void> | null = null;
  let releaseFn: (() => void) | null = null;
  const server = await startServer(async (req, res) => {
    const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
    calls.push({ body });
    const words = Number(req.headers["x-completion"] ?? 5);
    const prompt = Number(req.headers["x-prompt-tokens"] ?? 10);
    const usage = { prompt_tokens: prompt, completion_tokens: words, total_tokens: prompt + words };
    if (body.stream === true) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const chunk = (o: unknown) => res.write(`data: ${JSON.stringify(o)}\n\n`);
      chunk({ id: "c1", object: "chat.completion.chunk", choices: [{ index: 0, delta: { role: "assistant", content: "" } }] });
      for (let i = 0; i < words; i++) {
        chunk({ id: "c1", object: "chat.completion.chunk", choices: [{ index: 0, delta: { content: i === 0 ? "tok" : " tok" } }] });
        if (i === 0 && held) await held;
      }
      chunk({ id: "c1", object: "chat.completion.chunk", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
      if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) chunk({ id: "c1", object: "chat.completion.chunk", choices: [], usage });
      res.end("data: [DONE]\n\n");
      return;
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ id: "c1", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: Array(words).fill("tok").join(" ") }, finish_reason: "stop" }], usage }));
  });
  return Object.assign(server, {
    calls,
    hold() {
      held = new Promise<void>((r) => (releaseFn = r));
    },
    release() {
      releaseFn?.();
      held = null;
    },
  });
}
