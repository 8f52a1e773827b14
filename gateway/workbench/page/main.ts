// The workbench page: a header with the three views (Policies, Requests, Trace), the view the URL's
// hash names, and a status line. Started by index.html; everything it needs is in this bundle.
import { WorkbenchApi, type ConfigInfo } from "./api.js";
import { parseRoute, routeHash, type App, type Route, type View } from "./app.js";
import { h, replace } from "./dom.js";
import { policiesView } from "./policies-view.js";
import { requestsView } from "./requests-view.js";
import { traceView } from "./trace-view.js";

async function start(root: HTMLElement): Promise<void> {
  const key = new URLSearchParams(location.search).get("key");
  const api = new WorkbenchApi("/_apimc/api", key);
  const statusLine = h("div", { class: "status", attrs: { role: "status", "aria-live": "polite" }, data: { testid: "status" } });
  const status = (text: string, kind: "info" | "ok" | "error" = "info") => {
    statusLine.textContent = text;
    statusLine.className = `status ${kind}`;
  };
  let config: ConfigInfo;
  try {
    config = await api.config();
  } catch (e) {
    replace(root, h("div", { class: "fatal" }, h("h1", {}, "apimc workbench"), h("p", {}, `The workbench API did not answer: ${(e as Error).message}`)));
    return;
  }

  const nav = h("nav", { class: "views", attrs: { "aria-label": "Views" } });
  const content = h("main", { class: "content" });
  const app: App = {
    api,
    config,
    go: (r: Route) => {
      const hash = routeHash(r);
      if (location.hash === hash) render();
      else location.hash = hash;
    },
    status,
    onRequests: new Set(),
  };
  const views: Record<Route["view"], View> = { policies: policiesView(app), requests: requestsView(app), trace: traceView(app) };
  let lastTrace: string | null = null;

  function render(): void {
    const route = parseRoute(location.hash);
    if (route.view === "trace") lastTrace = route.id;
    const tabs: [Route["view"], string, string][] = [
      ["policies", "Policies", "#/policies"],
      ["requests", "Requests", "#/requests"],
      ["trace", "Trace", lastTrace ? `#/trace/${encodeURIComponent(lastTrace)}` : "#/requests"],
    ];
    replace(
      nav,
      ...tabs.map(([v, label, href]) =>
        h("a", { class: `view-tab${route.view === v ? " on" : ""}`, attrs: { href, ...(route.view === v ? { "aria-current": "page" } : {}) }, data: { testid: `nav-${v}` } }, label),
      ),
    );
    const view = views[route.view];
    if (content.firstChild !== view.el) replace(content, view.el);
    view.show(route);
  }

  replace(
    root,
    h(
      "header",
      { class: "top" },
      h("h1", {}, "apimc workbench"),
      nav,
      h("span", { class: "muted version" }, `apimc ${config.version}`),
    ),
    content,
    statusLine,
  );
  window.addEventListener("hashchange", render);
  const refreshRequests = () => {
    for (const f of app.onRequests) f();
  };
  api.events({
    request: refreshRequests,
    // A restarted gateway: say so, and refresh what its events would have updated meanwhile.
    connection: (up) => {
      if (up) {
        status("Reconnected to the gateway.", "ok");
        refreshRequests();
      } else status("Lost the gateway's live updates; reconnecting…", "error");
    },
    // Said after what is already there (a save's message stays readable).
    reload: (data) => {
      const r = (data ?? {}) as { ok?: boolean; diagnostics?: unknown[]; error?: string };
      const said = statusLine.className.includes("error") ? "" : `${statusLine.textContent ?? ""} `.trimStart();
      if (r.ok === false) status(`The gateway could not reload: ${r.error ?? `${r.diagnostics?.length ?? 0} problem(s)`}; it keeps serving the last good version.`, "error");
      else if (!said.endsWith("The gateway reloaded the configuration. ")) status(`${said}The gateway reloaded the configuration.`, said ? "ok" : "info");
    },
  });
  render();
}

const root = document.getElementById("app");
if (root) void start(root);
