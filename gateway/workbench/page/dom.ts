// Building the page's DOM. Data only ever becomes text nodes or attribute values set one by one
// (never HTML): a header, body or policy holding markup shows as that markup, it does not run.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes, set with setAttribute (event handler attributes are refused: use `on`). */
  attrs?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void };
  /** Test hooks and styling hooks: data-* attributes. */
  data?: Record<string, string>;
  title?: string;
}

/** An element with the given properties and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title) el.title = props.title;
  for (const [k, v] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(k)) throw new Error(`h(): refusing event handler attribute ${k}`);
    el.setAttribute(k, v);
  }
  for (const [k, v] of Object.entries(props.data ?? {})) el.dataset[k] = v;
  for (const [ev, fn] of Object.entries(props.on ?? {})) el.addEventListener(ev, fn as EventListener);
  append(el, ...children);
  return el;
}

/** Appends children; strings and numbers as text nodes. */
export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** A link that opens in a new tab (only http(s) targets; anything else is shown as text). */
export function externalLink(href: string, text: string): HTMLElement {
  if (!/^https?:\/\//i.test(href)) return h("span", {}, text);
  return h("a", { attrs: { href, target: "_blank", rel: "noopener noreferrer" } }, text);
}

/** A labelled form field. */
export function field(label: string, control: HTMLElement): HTMLElement {
  return h("label", { class: "field" }, h("span", { class: "field-label" }, label), control);
}

/** A short time of day (local) for a timestamp. */
export function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString([], { hour12: false });
}

/** A duration in ms, readable. */
export function ms(n: number | undefined): string {
  if (n === undefined || n === null || Number.isNaN(n)) return "";
  return n < 10 ? `${n.toFixed(2)} ms` : n < 1000 ? `${n.toFixed(1)} ms` : `${(n / 1000).toFixed(2)} s`;
}

/** The last part of a path (either separator). */
export function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\"));
  return i === -1 ? p : p.slice(i + 1);
}
