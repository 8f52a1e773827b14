// Requests: a builder (method, path, headers, body; or import a curl command) that sends through the
// gateway, and the history of requests that went through it, each with its trace and a Re-run.
import type { HeaderList, SendRequest, Summary } from "./api.js";
import type { App, View } from "./app.js";
import { clock, field, h, ms, replace } from "./dom.js";
import { CurlParseError, parseCurl } from "./curl.js";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** "Name: value" lines → header pairs (blank lines skipped; a line without a colon is an error). */
export function parseHeaderLines(text: string): { headers: HeaderList; bad: string[] } {
  const headers: HeaderList = [];
  const bad: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const c = line.indexOf(":");
    if (c <= 0) bad.push(line);
    else headers.push([line.slice(0, c).trim(), line.slice(c + 1).trim()]);
  }
  return { headers, bad };
}

export function requestsView(app: App): View {
  const method = h("select", { attrs: { "aria-label": "Method" }, data: { testid: "method" } }, ...METHODS.map((m) => h("option", { attrs: { value: m } }, m)));
  const path = h("input", { attrs: { type: "text", "aria-label": "Path", placeholder: "/api/orders?id=1", spellcheck: "false" }, data: { testid: "path" } });
  const headers = h("textarea", { attrs: { rows: "4", placeholder: "One header a line, e.g.\nAuthorization: Bearer good", spellcheck: "false" }, data: { testid: "headers" } });
  const body = h("textarea", { attrs: { rows: "5", placeholder: "Request body (optional)", spellcheck: "false" }, data: { testid: "body" } });
  const send = h("button", { class: "primary", attrs: { type: "submit" }, data: { testid: "send" } }, "Send");
  const curl = h("textarea", { attrs: { rows: "3", placeholder: "curl -X POST http://127.0.0.1:8080/api/orders -H 'Content-Type: application/json' -d '{\"id\":1}'", spellcheck: "false", "aria-label": "curl command" }, data: { testid: "curl" } });
  const curlNotes = h("ul", { class: "notes", data: { testid: "curl-notes" } });
  const importButton = h("button", { attrs: { type: "button" }, data: { testid: "import-curl" }, on: { click: () => importCurl() } }, "Import into the builder");
  const form = h(
    "form",
    { class: "builder card", on: { submit: (e) => (e.preventDefault(), void sendNow()) } },
    h("h2", {}, "Send a request"),
    h("div", { class: "row" }, field("Method", method), h("label", { class: "field grow" }, h("span", { class: "field-label" }, "Path on this gateway"), path), send),
    field("Headers", headers),
    field("Body", body),
    h("details", { class: "curl" }, h("summary", {}, "Import a curl command"), curl, h("div", { class: "row" }, importButton), curlNotes),
  );
  const historyBody = h("tbody", { data: { testid: "history" } });
  const history = h(
    "section",
    { class: "card" },
    h("div", { class: "row spread" }, h("h2", {}, "History"), h("button", { attrs: { type: "button" }, on: { click: () => void refresh() } }, "Refresh")),
    h("p", { class: "hint" }, "The last requests that went through the gateway, newest first. Open one to walk through its trace."),
    h(
      "table",
      { class: "history" },
      h("thead", {}, h("tr", {}, ...["When", "Method", "URL", "Status", "Time", "API · operation", ""].map((t) => h("th", {}, t)))),
      historyBody,
    ),
  );
  const el = h("div", { class: "view requests-view" }, form, history);

  const first = app.config.apis[0];
  path.value = first ? `${first.path.replace(/\/$/, "")}/` : "/";

  function importCurl(): void {
    replace(curlNotes);
    try {
      const r = parseCurl(curl.value);
      method.value = METHODS.includes(r.method) ? r.method : "GET";
      if (!METHODS.includes(r.method)) {
        const o = h("option", { attrs: { value: r.method } }, r.method);
        method.append(o);
        method.value = r.method;
      }
      path.value = r.path;
      headers.value = r.headers.map(([n, v]) => `${n}: ${v}`).join("\n");
      body.value = r.body;
      const notes = [...r.warnings];
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(r.url)) notes.unshift(`The request goes to this gateway (${r.path}), not to the host in the URL.`);
      replace(curlNotes, ...notes.map((n) => h("li", {}, n)));
      app.status("Imported the curl command into the builder.", "ok");
    } catch (e) {
      const msg = e instanceof CurlParseError ? e.message : `Could not read it: ${(e as Error).message}`;
      replace(curlNotes, h("li", { class: "error" }, msg));
    }
  }

  async function sendNow(): Promise<void> {
    const hs = parseHeaderLines(headers.value);
    if (hs.bad.length) {
      app.status(`These header lines have no "Name: value" form: ${hs.bad.join(" | ")}`, "error");
      return;
    }
    const p = path.value.trim() || "/";
    await sendRequest(app, { method: method.value, path: p.startsWith("/") ? p : `/${p}`, headers: hs.headers, body: body.value }, send);
  }

  function row(s: Summary): HTMLElement {
    const target = s.api ? `${s.api}${s.operation ? ` · ${s.operation}` : ""}` : "";
    const statusClass = s.status >= 500 ? "s5" : s.status >= 400 ? "s4" : "s2";
    return h(
      "tr",
      { data: { id: s.id } },
      h("td", { title: s.at }, clock(s.at)),
      h("td", {}, h("span", { class: `method method-${s.method.toLowerCase()}` }, s.method)),
      h("td", { class: "url" }, s.url),
      h("td", {}, h("span", { class: `http-status ${statusClass}` }, String(s.status)), s.error ? h("span", { class: "muted" }, ` ${s.error}`) : null),
      h("td", {}, ms(s.ms)),
      h("td", { class: "muted" }, target),
      h(
        "td",
        { class: "actions" },
        h("a", { class: "button", attrs: { href: `#/trace/${encodeURIComponent(s.id)}` }, data: { testid: "open-trace" } }, "Trace"),
        h("button", { attrs: { type: "button" }, data: { testid: "rerun" }, on: { click: (e) => void rerun(app, s.id, e.currentTarget as HTMLButtonElement) } }, "Re-run"),
      ),
    );
  }

  async function refresh(): Promise<void> {
    try {
      const { requests } = await app.api.requests();
      if (!requests.length) replace(historyBody, h("tr", {}, h("td", { attrs: { colspan: "7" }, class: "muted" }, "No requests yet. Send one above, or call the gateway with curl.")));
      else replace(historyBody, ...requests.map(row));
    } catch (e) {
      app.status(`Could not load the history: ${(e as Error).message}`, "error");
    }
  }
  app.onRequests.add(() => {
    if (el.isConnected) void refresh();
  });

  return {
    el,
    show() {
      void refresh();
    },
  };
}

/** Sends through the gateway (a new request, or one of the history again) and opens the trace of the new request. */
export async function sendRequest(app: App, req: SendRequest | { replay: string }, button?: HTMLButtonElement): Promise<void> {
  if (button) button.disabled = true;
  try {
    const r = "replay" in req ? await app.api.replay(req.replay) : await app.api.send(req);
    app.status("replay" in req ? `Sent again: it answered ${r.status}.` : `${req.method} ${req.path} answered ${r.status}.`, r.status >= 500 ? "error" : "ok");
    for (const f of app.onRequests) f();
    app.go({ view: "trace", id: r.id });
  } catch (e) {
    app.status(`Could not send: ${(e as Error).message}`, "error");
  } finally {
    if (button) button.disabled = false;
  }
}

/** Re-runs a request of the history: the gateway sends the original again (credentials included, which the page only sees masked). */
export function rerun(app: App, id: string, button?: HTMLButtonElement): Promise<void> {
  return sendRequest(app, { replay: id }, button);
}
