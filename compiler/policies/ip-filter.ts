// ip-filter: allows (action="allow") only, or forbids (action="forbid"), callers whose
// context.Request.IpAddress is one of the <address>es or inside an <address-range from to>
// (inclusive), IPv4 and IPv6. Literal addresses are checked and turned into comparable keys here
// (a hoisted constant); <address> expressions are parsed per request. Failure: 403 with
// CallerIpNotAllowed / CallerIpBlocked (FailedToParseCallerIP for an unreadable caller address).
import { js, rt, type Code, dataLiteral } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { ipKey, ipRange, type IpRange } from "../../runtime/security/ip.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { UNRESOLVED_NAMED_VALUE } from "./values.js";

export interface IpFilterNode extends PolicyNode {
  action: XValue;
  ranges: IpRange[];
  dynamic: XValue[];
}

export const ipFilter: PolicyDef<IpFilterNode> = {
  name: "ip-filter",
  sections: ["inbound"],
  attributes: { action: { required: true, type: { enum: ["allow", "forbid"] } } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const ranges: IpRange[] = [];
    const dynamic: XValue[] = [];
    let any = false;
    for (const c of pc.elements(el)) {
      if (c.name === "address") {
        any = true;
        pc.attrs(c, {});
        const v = pc.text(c);
        if (!v || (v.kind === "literal" && v.text.trim() === "")) {
          pc.diags.error(Codes.InvalidLiteral, c.offset, "<address> cannot be empty.");
          continue;
        }
        if (v.kind === "expr") {
          dynamic.push(v);
          continue;
        }
        const t = v.text.trim();
        if (UNRESOLVED_NAMED_VALUE.test(t)) continue;
        const k = ipKey(t);
        if (!k)
          pc.diags.error(
            Codes.InvalidLiteral,
            v.offset,
            t.includes("/") ? `'${t}' is CIDR notation, which <address> does not take: use <address-range from="..." to="..."/>.` : `'${t}' is not an IPv4 or IPv6 address.`,
          );
        else ranges.push({ v: k.v, lo: k.key, hi: k.key });
      } else if (c.name === "address-range") {
        any = true;
        const r = pc.attrs(c, { from: { required: true, expr: false }, to: { required: true, expr: false } });
        pc.elements(c).forEach((x) => pc.diags.error(Codes.UnexpectedChild, x.offset, "<address-range> takes no child elements."));
        if (r.from?.kind !== "literal" || r.to?.kind !== "literal") continue;
        const from = r.from.text.trim();
        const to = r.to.text.trim();
        if (UNRESOLVED_NAMED_VALUE.test(from + to)) continue;
        const range = ipRange(from, to);
        if (typeof range === "string") pc.diags.error(Codes.InvalidLiteral, c.offset, range);
        else ranges.push(range);
      } else pc.diags.error(Codes.UnexpectedChild, c.offset, `<ip-filter> takes <address> and <address-range> children, not <${c.name}>.`);
    }
    if (!any) pc.diags.error(Codes.MissingChild, el.offset, "<ip-filter> needs at least one <address> or <address-range>.");
    if (!a.action) return null;
    return { ...base, action: a.action, ranges, dynamic };
  },
  emit(node, ec) {
    const ranges = ec.scope.constant(js`Object.freeze(${dataLiteral(node.ranges)})`, "ipRanges");
    const dyn = node.dynamic.map((v) => ec.value(v, "string")).reduce<Code | null>((acc, c) => (acc ? js`${acc}, ${c}` : c), null) ?? js``;
    const action = node.action.kind === "literal" ? js`${node.action.text.trim()}` : ec.value(node.action, "string");
    return js`${rt("ipFilter")}(ctx, ${action}, ${ranges}, [${dyn}]);`;
  },
};
