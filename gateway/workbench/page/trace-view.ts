// The trace of one request, step by step: every policy in the order it ran (time, file:line), what it
// changed, the branch a choose took and why, outgoing exchanges, cache and limit decisions, the error
// with every LastError field. Selecting a step shows its policy lines and, beside them, the generated
// JavaScript those lines became (through the module's source map).
import type { EffectivePolicy, Exchange, RequestDetail, TraceChange, TraceStep } from "./api.js";
import type { App, Route, View } from "./app.js";
import { baseName, clock, h, ms, replace, type Child } from "./dom.js";
import { createViewer, elementLines, highlightLines, sameFile, type Viewer } from "./editor.js";
import { rerun } from "./requests-view.js";
import { generatedLinesFor } from "./source-map.js";

/** Step fields shown in their own place; any other field is listed as "name: value". */
const KNOWN = new Set(["source", "severity", "message", "timeMs", "policy", "path", "id", "section", "scope", "file", "line", "atMs", "durationMs", "branch", "condition", "conditions", "limits", "set", "reads", "cache", "requests", "failed", "error"]);

export function traceView(app: App): View {
  const head = h("div", { class: "trace-head card" });
  const steps = h("ol", { class: "steps", data: { testid: "steps" }, attrs: { "aria-label": "Steps" } });
  const detail = h("div", { class: "step-detail", data: { testid: "step-detail" } });
  const policyTitle = h("h3", {}, "Policy");
  const jsTitle = h("h3", {}, "Generated JavaScript");
  const policyHost = h("div", { class: "editor-host", data: { testid: "step-policy" } });
  const jsHost = h("div", { class: "editor-host", data: { testid: "step-js" } });
  const exchange = h("div", { class: "exchange" });
  const el = h(
    "div",
    { class: "view trace-view" },
    head,
    h(
      "div",
      { class: "trace-body" },
      h("section", { class: "card steps-card" }, h("h2", {}, "Steps"), h("p", { class: "hint" }, "In the order they ran. Select one to see its values and its code."), steps),
      h("section", { class: "card detail-card" }, h("h2", {}, "Step"), detail),
    ),
    h("section", { class: "card side-by-side" }, h("div", { class: "pane" }, policyTitle, policyHost), h("div", { class: "pane" }, jsTitle, jsHost)),
    exchange,
  );

  let policyViewer: Viewer | null = null;
  let jsViewer: Viewer | null = null;
  let current: RequestDetail | null = null;
  let policy: EffectivePolicy | null = null;
  let selected = -1;
  let ticket = 0;

  async function load(route: Extract<Route, { view: "trace" }>): Promise<void> {
    const t = ++ticket;
    replace(head, h("p", { class: "muted" }, "Loading…"));
    replace(steps);
    replace(detail);
    let d: RequestDetail;
    try {
      d = await app.api.request(route.id);
    } catch (e) {
      replace(head, h("p", { class: "error" }, `Could not load request ${route.id}: ${(e as Error).message}`));
      return;
    }
    if (t !== ticket) return;
    current = d;
    policy = d.summary.api ? await policyOf(d) : null;
    if (t !== ticket) return;
    renderHead(d);
    renderSteps(d);
    renderExchange(d);
    policyViewer ??= createViewer(policyHost, "xml", "Policy of the step");
    jsViewer ??= createViewer(jsHost, "js", "Generated JavaScript of the step");
    jsViewer.show(policy?.js ?? "// The generated module is not available.");
    const entries = d.trace?.entries ?? [];
    const first = route.step ?? entries.findIndex((e) => e.file !== undefined);
    if (entries.length) select(first >= 0 && first < entries.length ? first : 0);
    else replace(detail, h("p", { class: "muted" }, d.trace ? "The trace has no steps." : "No trace was kept for this request."));
  }

  /**
   * The effective policy the request ran: its operation's, and when a step ran in a file that one
   * does not hold (a product's policy: the call used a subscription), the one through that product.
   */
  async function policyOf(d: RequestDetail): Promise<EffectivePolicy | null> {
    const api = d.summary.api!;
    const op = d.summary.operation ?? undefined;
    const files = new Set((d.trace?.entries ?? []).map((e) => e.file).filter((f): f is string => !!f));
    const covers = (p: EffectivePolicy) => [...files].every((f) => p.files.some((x) => sameFile(x.path, f)));
    let plain: EffectivePolicy | null = null;
    try {
      plain = await app.api.policy(api, op);
      if (covers(plain)) return plain;
    } catch {
      // try the products
    }
    for (const product of app.config.apis.find((a) => a.id === api)?.products ?? []) {
      try {
        const p = await app.api.policy(api, op, product);
        if (covers(p)) return p;
      } catch {
        // next
      }
    }
    return plain;
  }

  function renderHead(d: RequestDetail): void {
    const s = d.summary;
    const err = d.trace?.error;
    replace(
      head,
      h(
        "div",
        { class: "row spread" },
        h(
          "h2",
          { data: { testid: "trace-title" } },
          h("span", { class: `method method-${s.method.toLowerCase()}` }, s.method),
          " ",
          h("span", { class: "url" }, s.url),
          " → ",
          h("span", { class: `http-status ${s.status >= 500 ? "s5" : s.status >= 400 ? "s4" : "s2"}` }, String(s.status)),
        ),
        h(
          "div",
          { class: "row" },
          h("a", { class: "button", attrs: { href: "#/requests" } }, "← All requests"),
          h("button", { attrs: { type: "button" }, data: { testid: "trace-rerun" }, on: { click: (e) => void rerun(app, s.id, e.currentTarget as HTMLButtonElement) } }, "Re-run"),
        ),
      ),
      h(
        "p",
        { class: "muted" },
        `${clock(s.at)} · ${ms(s.ms)}`,
        s.api ? ` · API ${s.api}${s.operation ? `, operation ${s.operation}` : ""}` : " · no API matched",
        d.trace?.truncated ? " · the trace was cut (too many steps)" : "",
      ),
      err ? h("p", { class: "error" }, `Failed: ${String(err.Reason ?? "")} ${String(err.Message ?? "")}`.trim(), err.file ? ` (${err.file}:${err.line})` : "") : null,
    );
  }

  function renderSteps(d: RequestDetail): void {
    const entries = d.trace?.entries ?? [];
    replace(
      steps,
      ...entries.map((e, i) => {
        const badges: Child[] = [];
        if (e.branch) badges.push(h("span", { class: "badge" }, `→ ${e.branch}`));
        if (e.cache) badges.push(h("span", { class: "badge" }, `cache ${e.cache}`));
        for (const l of e.limits ?? []) badges.push(h("span", { class: `badge${l.allowed ? "" : " bad"}` }, l.allowed ? `limit ok${l.remaining !== undefined ? `, ${l.remaining} left` : ""}` : "limit refused"));
        if (e.set?.length) badges.push(h("span", { class: "badge" }, `${e.set.length} change${e.set.length > 1 ? "s" : ""}`));
        if (e.requests?.length) badges.push(h("span", { class: "badge" }, `${e.requests.length} request${e.requests.length > 1 ? "s" : ""}`));
        if (e.failed) badges.push(h("span", { class: "badge bad" }, "failed"));
        if (e.error) badges.push(h("span", { class: "badge bad" }, "error"));
        return h(
          "li",
          {},
          h(
            "button",
            { class: "step", attrs: { type: "button" }, data: { index: String(i), testid: "step" }, on: { click: () => select(i) } },
            h("span", { class: "step-time" }, e.atMs !== undefined ? `+${ms(e.atMs)}` : ""),
            h("span", { class: "step-name" }, stepName(e)),
            e.section ? h("span", { class: "step-section" }, e.section) : null,
            e.file ? h("span", { class: "step-where" }, `${baseName(e.file)}:${e.line}`) : null,
            h("span", { class: "step-badges" }, ...badges),
          ),
        );
      }),
    );
  }

  function select(i: number): void {
    const d = current;
    const e = d?.trace?.entries[i];
    if (!d || !e) return;
    selected = i;
    for (const b of steps.querySelectorAll<HTMLElement>("button.step")) b.classList.toggle("on", b.dataset.index === String(i));
    replace(detail, ...stepDetail(e, (line) => showLine(e, line)));
    showCode(e);
  }

  function showCode(e: TraceStep): void {
    const file = e.file ?? e.error?.file;
    const line = e.line ?? e.error?.line;
    if (!policyViewer || !jsViewer) return;
    const pf = file && policy ? policy.files.find((f) => sameFile(f.path, file)) : undefined;
    if (!file || !line || !pf) {
      policyTitle.textContent = file ? `Policy — ${file}:${line} (not in this API's files)` : "Policy — this step has no source line";
      policyViewer.show(pf?.text ?? "");
      highlightLines(jsViewer.view, []);
      jsTitle.textContent = "Generated JavaScript";
      return;
    }
    policyViewer.show(pf.text);
    const span = elementLines(policyViewer.view.state, line);
    highlightLines(policyViewer.view, [span]);
    policyTitle.textContent = `Policy — ${pf.path}, line${span.to > span.from ? `s ${span.from}–${span.to}` : ` ${span.from}`}`;
    // The composed policy's lines that came from this element, then the generated lines mapped to them.
    const composed = new Set<number>();
    policy!.lines.forEach((o, idx) => {
      if (sameFile(o.file, pf.path) && o.line >= span.from && o.line <= span.to) composed.add(idx);
    });
    const gen = policy!.sourceMap ? generatedLinesFor(policy!.sourceMap, composed) : [];
    highlightLines(jsViewer.view, runs(gen));
    jsTitle.textContent = gen.length ? `Generated JavaScript — line${gen.length > 1 ? `s ${gen[0]}–${gen[gen.length - 1]}` : ` ${gen[0]}`}` : "Generated JavaScript — no lines map to this step";
  }

  /** Highlights one element of the step's file (a condition's `when`). */
  function showLine(e: TraceStep, line: number): void {
    if (!policyViewer || !e.file) return;
    const span = elementLines(policyViewer.view.state, line);
    highlightLines(policyViewer.view, [span]);
    policyTitle.textContent = `Policy — ${e.file}, line${span.to > span.from ? `s ${span.from}–${span.to}` : ` ${span.from}`}`;
  }

  function renderExchange(d: RequestDetail): void {
    replace(
      exchange,
      h("section", { class: "card" }, h("h2", {}, "Request"), exchangeBlock(d.request, `${d.request.method} ${d.request.url}`, "request")),
      h("section", { class: "card" }, h("h2", {}, "Response"), exchangeBlock(d.response, `Status ${d.response.status}`, "response")),
    );
  }

  return {
    el,
    show(route) {
      if (route.view !== "trace") return;
      if (current && current.summary.id === route.id && route.step !== undefined && route.step !== selected) return select(route.step);
      void load(route);
    },
  };
}

function stepName(e: TraceStep): string {
  if (e.policy) return e.id ? `${e.policy} (${e.id})` : e.policy;
  if (e.error) return "error";
  return e.source ?? "step";
}

/** The parts of a step's detail panel; `goToLine` highlights a line of the step's file (a condition's). */
export function stepDetail(e: TraceStep, goToLine: (line: number) => void = () => {}): Child[] {
  const out: Child[] = [];
  const facts: [string, string][] = [];
  facts.push(["Policy", stepName(e)]);
  if (e.section) facts.push(["Section", e.section]);
  if (e.scope) facts.push(["Scope", e.scope]);
  if (e.path) facts.push(["Path", e.path]);
  if (e.file) facts.push(["Source", `${e.file}:${e.line}`]);
  if (e.atMs !== undefined) facts.push(["Started", `+${ms(e.atMs)}`]);
  if (e.durationMs !== undefined) facts.push(["Took", ms(e.durationMs)]);
  if (e.branch) facts.push(["Branch taken", e.branch === "none" ? "none (no condition was true and there is no otherwise)" : e.branch === "failed" ? "none: a condition failed (see the error step)" : e.branch]);
  if (e.condition !== undefined) facts.push(["Condition value", text(e.condition)]);
  if (e.cache) facts.push(["Cache", e.cache]);
  if (e.failed) facts.push(["Outcome", "this policy raised the error below"]);
  for (const [k, v] of Object.entries(e)) if (!KNOWN.has(k) && v !== undefined && v !== null) facts.push([k, text(v)]);
  out.push(table(["", ""], facts, "facts", false));
  if (e.conditions?.length) {
    out.push(
      h("h3", {}, "Conditions, in the order they were evaluated"),
      h(
        "table",
        { class: "conditions" },
        h("thead", {}, h("tr", {}, h("th", {}, "Branch"), h("th", {}, "Line"), h("th", {}, "Value"))),
        h(
          "tbody",
          {},
          ...e.conditions.map((c) =>
            h(
              "tr",
              { class: c.value ? "taken" : "" },
              h("td", {}, c.branch),
              h("td", {}, c.line ? h("button", { class: "link", attrs: { type: "button" }, title: "Show this condition in the policy", on: { click: () => goToLine(c.line!) } }, String(c.line)) : ""),
              h("td", {}, c.value ? "true (taken)" : "false"),
            ),
          ),
        ),
      ),
    );
  }
  if (e.limits?.length) {
    out.push(
      h("h3", {}, "Limit decisions"),
      table(
        ["Policy", "Key", "Allowed", "Limit", "Remaining", "Retry after"],
        e.limits.map((l) => [l.policy, l.key ?? "", l.allowed ? "yes" : `no${l.exceeded ? ` (${l.exceeded})` : ""}`, l.limit === undefined ? "" : String(l.limit), l.remaining === undefined ? "" : String(l.remaining), l.retryAfterMs === undefined ? "" : ms(l.retryAfterMs)]),
        "limits",
        true,
      ),
    );
  }
  const bodies = (e.set ?? []).filter((c) => c.kind === "request-body" || c.kind === "response-body");
  const changes = (e.set ?? []).filter((c) => c.kind !== "request-body" && c.kind !== "response-body");
  if (e.reads?.length) out.push(h("h3", {}, "Read"), changesTable(e.reads));
  if (changes.length) out.push(h("h3", {}, "Changed"), changesTable(changes));
  else if (e.policy && !e.error && !bodies.length) out.push(h("p", { class: "muted" }, "Changed nothing the trace follows (variables, headers, URL, method, status, backend, body)."));
  for (const b of bodies) {
    out.push(
      h("h3", {}, b.kind === "request-body" ? "Request body" : "Response body"),
      h("div", { class: "before-after" }, h("div", {}, h("div", { class: "muted" }, "Before"), h("pre", {}, b.before === undefined || b.before === null ? "(none)" : b.before)), h("div", {}, h("div", { class: "muted" }, "After"), h("pre", {}, b.value === null ? "(removed)" : b.value))),
    );
  }
  for (const r of e.requests ?? []) {
    const extra = Object.entries(r).filter(([k]) => !["policy", "method", "url", "status", "ms", "error", "requestBody", "responseBody", "requestHeaders", "responseHeaders"].includes(k));
    out.push(
      h("h3", {}, `Outgoing request (${r.policy ?? "request"})`),
      table(["", ""], [["Request", `${r.method} ${r.url}`], ["Status", r.status !== undefined ? String(r.status) : "no response"], ["Time", ms(r.ms)], ...(r.error ? ([["Error", r.error]] as [string, string][]) : []), ...extra.map(([k, v]): [string, string] => [k, text(v)])], "facts", false),
      r.requestHeaders?.length ? h("details", {}, h("summary", {}, `Request headers (${r.requestHeaders.length})`), table(["Header", "Value"], r.requestHeaders, "headers", true)) : null,
      r.requestBody !== undefined && r.requestBody !== null ? h("details", {}, h("summary", {}, "Request body"), h("pre", {}, r.requestBody)) : null,
      r.responseHeaders?.length ? h("details", {}, h("summary", {}, `Response headers (${r.responseHeaders.length})`), table(["Header", "Value"], r.responseHeaders, "headers", true)) : null,
      r.responseBody !== undefined && r.responseBody !== null ? h("details", { attrs: { open: "" } }, h("summary", {}, "Response body"), h("pre", {}, r.responseBody)) : null,
    );
  }
  if (e.error) {
    out.push(
      h("h3", { class: "error" }, "Error (context.LastError)"),
      table(["Field", "Value"], Object.entries(e.error).map(([k, v]): [string, string] => [k, text(v)]), "facts error-fields", true),
    );
  }
  return out;
}

function changesTable(changes: TraceChange[]): HTMLElement {
  const hasBefore = changes.some((c) => c.before !== undefined);
  const rows = changes.map((c) => {
    const what = KIND_LABEL[c.kind] ?? c.kind;
    const after = c.value === null ? "(removed)" : c.value;
    return hasBefore ? [what, c.name ?? "", c.before === undefined ? "" : c.before === null ? "(none)" : c.before, after] : [what, c.name ?? "", after];
  });
  return table(hasBefore ? ["What", "Name", "Before", "After"] : ["What", "Name", "Value"], rows, "changes", true);
}

const KIND_LABEL: Record<string, string> = {
  variable: "variable",
  "request-header": "request header",
  "response-header": "response header",
  url: "request URL",
  method: "method",
  status: "status",
  backend: "backend",
  response: "response",
  "request-body": "request body",
  "response-body": "response body",
};

function table(head: string[], rows: string[][], cls: string, showHead: boolean): HTMLElement {
  return h(
    "table",
    { class: cls },
    showHead ? h("thead", {}, h("tr", {}, ...head.map((t) => h("th", {}, t)))) : null,
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c, i) => (i === 0 && !showHead ? h("th", {}, c) : h("td", {}, c)))))),
  );
}

function exchangeBlock(x: Exchange, first: string, testid: string): HTMLElement {
  return h(
    "div",
    { data: { testid } },
    h("p", { class: "mono" }, first),
    x.headers.length ? table(["Header", "Value"], x.headers.map(([n, v]) => [n, v]), "headers", true) : h("p", { class: "muted" }, "No headers."),
    h("pre", { class: "body" }, x.body === "" ? "(no body)" : x.body),
  );
}

/** Any value as text (objects as JSON). */
function text(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return String(v);
  if (typeof v === "object") {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Sorted line numbers → consecutive ranges. */
function runs(lines: number[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && l === last.to + 1) last.to = l;
    else out.push({ from: l, to: l });
  }
  return out;
}
