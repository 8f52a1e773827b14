// What the views share: the API client, the configuration, navigation and the status line. Routes
// live in the URL's hash, so a view can be linked to and the browser's back button works.
import type { ConfigInfo, WorkbenchApi } from "./api.js";

export type Route =
  | { view: "policies"; api?: string; operation?: string; file?: string; line?: number }
  | { view: "requests" }
  | { view: "trace"; id: string; step?: number };

export interface App {
  api: WorkbenchApi;
  config: ConfigInfo;
  go(route: Route): void;
  /** One line at the bottom of the page: what just happened, or what went wrong. */
  status(text: string, kind?: "info" | "ok" | "error"): void;
  /** Views that show the history listen here (a request was sent or seen). */
  onRequests: Set<() => void>;
}

export interface View {
  el: HTMLElement;
  show(route: Route): void;
}

export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean).map((p) => decodeURIComponent(p));
  const q = new URLSearchParams(query);
  if (parts[0] === "requests") return { view: "requests" };
  if (parts[0] === "trace" && parts[1]) {
    const step = q.get("step");
    return step !== null && /^\d+$/.test(step) ? { view: "trace", id: parts[1], step: Number(step) } : { view: "trace", id: parts[1] };
  }
  const r: Route = { view: "policies" };
  if (parts[0] === "policies") {
    if (parts[1]) r.api = parts[1];
    if (parts[2]) r.operation = parts[2];
  }
  const file = q.get("file");
  const line = q.get("line");
  if (file) r.file = file;
  if (line && /^\d+$/.test(line)) r.line = Number(line);
  return r;
}

export function routeHash(r: Route): string {
  const enc = encodeURIComponent;
  if (r.view === "requests") return "#/requests";
  if (r.view === "trace") return `#/trace/${enc(r.id)}${r.step !== undefined ? `?step=${r.step}` : ""}`;
  let s = "#/policies";
  if (r.api) s += `/${enc(r.api)}`;
  if (r.api && r.operation) s += `/${enc(r.operation)}`;
  const q = new URLSearchParams();
  if (r.file) q.set("file", r.file);
  if (r.line) q.set("line", String(r.line));
  const qs = q.toString();
  return qs ? `${s}?${qs}` : s;
}
