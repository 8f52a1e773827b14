// LINQ to XML members that place or order nodes among their siblings (AddAfterSelf, ReplaceWith,
// IsBefore, NodesBeforeSelf, ...) and the Extensions over node sequences built on them.
import { DotNetException, argumentNull } from "../errors.js";
import { XAttribute, XContainer, XElement, XNode, XProcessingInstruction, toNodes, verifyNCName, xmlValueString, xnameOrNull, type XName } from "./xml.js";

import { ClrObject } from "./clr-object.js";

const missingParent = () => new DotNetException("System.InvalidOperationException", "The parent is missing.");

/** Inserts content into `parent` at `index` (strings become text nodes, nodes with a parent are copied). */
function insertAt(parent: XContainer, index: number, content: unknown): void {
  const nodes = toNodes(content, parent);
  if (nodes.some((n) => n instanceof XAttribute)) throw new DotNetException("System.ArgumentException", "An attribute cannot be added to content.");
  for (const n of nodes as XNode[]) n.parent = parent;
  parent.nodes.splice(index, 0, ...(nodes as XNode[]));
}
export function xAddAfterSelf(n: XNode, content: unknown): void {
  const p = n.parent;
  if (!p) throw missingParent();
  insertAt(p, p.nodes.indexOf(n) + 1, content);
}
export function xAddBeforeSelf(n: XNode, content: unknown): void {
  const p = n.parent;
  if (!p) throw missingParent();
  insertAt(p, p.nodes.indexOf(n), content);
}
export function xReplaceWith(n: XNode, content: unknown): void {
  const p = n.parent;
  if (!p) throw missingParent();
  const i = p.nodes.indexOf(n);
  // the content is read before the node leaves (it may contain the node itself)
  const nodes = toNodes(content, p);
  p.nodes.splice(i, 1);
  n.parent = null;
  insertAt(p, i, nodes);
}
export function xNodesAfterSelf(n: XNode): XNode[] {
  const p = n.parent;
  return p ? p.nodes.slice(p.nodes.indexOf(n) + 1) : [];
}
export function xNodesBeforeSelf(n: XNode): XNode[] {
  const p = n.parent;
  return p ? p.nodes.slice(0, p.nodes.indexOf(n)) : [];
}
export function xElementsBeforeSelf(n: XNode, name?: XName | string | null): XElement[] {
  const x = name === undefined ? undefined : xnameOrNull(name);
  return xNodesBeforeSelf(n).filter((e): e is XElement => e instanceof XElement && (x === undefined || e.name === x));
}

/** XNode.CompareDocumentOrder: nodes of different trees have no order (InvalidOperationException). */
export function xCompareDocumentOrder(a: XNode | null, b: XNode | null): number {
  if (a === b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  const chain = (n: XNode) => {
    const out: XNode[] = [n];
    for (let p = n.parent; p; p = p.parent) out.unshift(p);
    return out;
  };
  const ca = chain(a);
  const cb = chain(b);
  if (ca[0] !== cb[0]) throw new DotNetException("System.InvalidOperationException", "A common ancestor is missing.");
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  if (i === ca.length) return -1; // a is an ancestor of b
  if (i === cb.length) return 1;
  const parent = ca[i - 1] as XContainer;
  return parent.nodes.indexOf(ca[i]!) < parent.nodes.indexOf(cb[i]!) ? -1 : 1;
}
export const xIsAfter = (n: XNode, other: XNode | null): boolean => xCompareDocumentOrder(n, other) > 0;
export const xIsBefore = (n: XNode, other: XNode | null): boolean => xCompareDocumentOrder(n, other) < 0;

export function xDescendantNodesAndSelf(e: XElement): XNode[] {
  return [e, ...e.DescendantNodes()];
}
export function xReplaceAll(e: XElement, content: unknown): void {
  const nodes = toNodes(content, e);
  e.RemoveAll();
  e.Add(nodes);
}
export function xReplaceAttributes(e: XElement, content: unknown): void {
  const nodes = toNodes(content, e);
  e.RemoveAttributes();
  e.Add(nodes);
}
export function xNextAttribute(a: XAttribute): XAttribute | null {
  const p = a.parent;
  return p instanceof XElement ? (p.attrs[p.attrs.indexOf(a) + 1] ?? null) : null;
}
export function xPreviousAttribute(a: XAttribute): XAttribute | null {
  const p = a.parent;
  return p instanceof XElement ? (p.attrs[p.attrs.indexOf(a) - 1] ?? null) : null;
}
export function xAttributeSetValue(a: XAttribute, value: unknown): void {
  if (value === null || value === undefined) throw argumentNull("value");
  a.Value = xmlValueString(value);
}

// ---- System.Xml.Linq.Extensions over sequences ----------------------------------------------------
function each<T>(src: Iterable<T | null> | null): T[] {
  if (src === null || src === undefined) throw argumentNull("source");
  return [...src].filter((x): x is T => x !== null && x !== undefined);
}
export function xsAncestors(src: Iterable<XNode | null> | null, self: boolean, name?: XName | string | null): XElement[] {
  const x = name === undefined ? undefined : xnameOrNull(name);
  const out: XElement[] = [];
  for (const n of each(src)) {
    const start = self ? (n as XElement) : n.Parent;
    for (let p: XElement | null = start; p; p = p.Parent) if (x === undefined || p.name === x) out.push(p);
  }
  return out;
}
export function xsDescendantNodes(src: Iterable<XContainer | null> | null, self: boolean): XNode[] {
  return each(src).flatMap((c) => (self ? [c as XNode, ...c.DescendantNodes()] : c.DescendantNodes()));
}
export function xsDescendantsAndSelf(src: Iterable<XElement | null> | null, name?: XName | string | null): XElement[] {
  const x = name === undefined ? undefined : xnameOrNull(name);
  return each(src).flatMap((e) => [e, ...e.Descendants()].filter((d) => x === undefined || d.name === x));
}
export function xsInDocumentOrder<T extends XNode>(src: Iterable<T | null> | null): T[] {
  if (src === null || src === undefined) throw argumentNull("source");
  return ([...src] as T[]).sort((a, b) => xCompareDocumentOrder(a, b));
}
/** Extensions.Remove: every node (or attribute) of a snapshot of the sequence leaves its parent. */
export function xsRemove(src: Iterable<XNode | XAttribute | null> | null): void {
  for (const n of each(src)) n.Remove();
}

const XNODE_HASH = "xnode";
/**
 * XNodeEqualityComparer (XNode.EqualityComparer, new XNodeEqualityComparer()): XNode.DeepEquals as an
 * IEqualityComparer<XNode>; `$eq` is how LINQ's Set/Lookup and HashSet use it (equality.ts: one hash
 * bucket, DeepEquals decides).
 */
export class XNodeEqualityComparer extends ClrObject {
  readonly $typeName = "System.Xml.Linq.XNodeEqualityComparer";
  readonly $eq = { Equals: (a: unknown, b: unknown) => xDeepEquals(a as XNode | null, b as XNode | null), GetHashCode: () => XNODE_HASH };
}
/** XNode.EqualityComparer: one instance, as .NET caches it. */
export const xNodeEqualityComparer = new XNodeEqualityComparer();
/** XNode.DeepEquals: same kind of node, same names, attributes (in order) and values, children deep-equal. */
export function xDeepEquals(a: XNode | null, b: XNode | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.constructor !== b.constructor) return false;
  if (a instanceof XElement && b instanceof XElement) {
    if (a.name !== b.name || a.attrs.length !== b.attrs.length) return false;
    if (a.attrs.some((x, i) => x.name !== b.attrs[i]!.name || x.Value !== b.attrs[i]!.Value)) return false;
    // <a/> and <a></a> differ (IsEmpty), as in LINQ to XML
    if (a.IsEmpty !== b.IsEmpty || a.nodes.length !== b.nodes.length) return false;
    return a.nodes.every((n, i) => xDeepEquals(n, b.nodes[i]!));
  }
  if (a instanceof XContainer && b instanceof XContainer) return a.nodes.length === b.nodes.length && a.nodes.every((n, i) => xDeepEquals(n, (b as XContainer).nodes[i]!));
  return a.ToString(1) === b.ToString(1);
}
/** new XProcessingInstruction(target, data): both required; the target is an XML name, not "xml". */
export function xNewProcessingInstruction(target: string | null, data: string | null): XProcessingInstruction {
  if (target === null || target === undefined) throw argumentNull("target");
  if (data === null || data === undefined) throw argumentNull("data");
  verifyNCName(target);
  if (target.toLowerCase() === "xml") throw new DotNetException("System.ArgumentException", `'${target}' is an invalid name for processing instructions.`);
  return new XProcessingInstruction(target, data);
}
