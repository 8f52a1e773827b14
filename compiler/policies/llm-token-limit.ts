// llm-token-limit and azure-openai-token-limit (one attribute set on their current pages): tokens
// per minute and/or a token quota per calendar period, by counter-key (runtime/ai/token-limit.ts).
// counter-key and tokens-per-minute accept expressions; the rest are literals. The table calls
// estimate-prompt-tokens required, yet the pages' own token-quota example leaves it out: it is
// optional here, default false [infer].
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { isToken } from "../../runtime/headers.js";
import type { XValue } from "../xml/parse.js";
import type { AttrSpec, PolicyDef, PolicyNode } from "./types.js";
import { literalIntIn, specConstant } from "./state-common.js";

const PERIODS = ["Hourly", "Daily", "Weekly", "Monthly", "Yearly"] as const;

const NAME_ATTRS: Record<string, [key: string, header: boolean]> = {
  "retry-after-header-name": ["retryAfterHeader", true],
  "retry-after-variable-name": ["retryAfterVariable", false],
  "remaining-quota-tokens-header-name": ["remainingQuotaHeader", true],
  "remaining-quota-tokens-variable-name": ["remainingQuotaVariable", false],
  "remaining-tokens-header-name": ["remainingHeader", true],
  "remaining-tokens-variable-name": ["remainingVariable", false],
  "tokens-consumed-header-name": ["consumedHeader", true],
  "tokens-consumed-variable-name": ["consumedVariable", false],
};

export interface TokenLimitNode extends PolicyNode {
  spec: { policy: string; tokensPerMinute: number | null; quota: number | null; quotaPeriod: string | null; estimate: boolean; names: Record<string, string | null> };
  key: XValue;
  tpm: XValue | null;
}

const ATTRIBUTES: Record<string, AttrSpec> = {
  "counter-key": { required: true },
  "tokens-per-minute": { type: "int" },
  "token-quota": { expr: false, type: "int" },
  "token-quota-period": { expr: false, type: { enum: PERIODS } },
  "estimate-prompt-tokens": { expr: false, type: "bool" },
  ...Object.fromEntries(Object.keys(NAME_ATTRS).map((k) => [k, { expr: false }])),
};

function tokenLimit(name: string): PolicyDef<TokenLimitNode> {
  return {
    name,
    sections: ["inbound"],
    attributes: ATTRIBUTES,
    parse(el, pc, base) {
      const a = pc.attrs(el, this.attributes);
      pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, `<${name}> takes no child elements.`));
      const tpmV = a["tokens-per-minute"];
      const tpm = literalIntIn(pc, tpmV, `'tokens-per-minute' of <${name}>`, 1, Number.MAX_SAFE_INTEGER);
      const quota = literalIntIn(pc, a["token-quota"], `'token-quota' of <${name}>`, 1, Number.MAX_SAFE_INTEGER);
      const periodV = a["token-quota-period"];
      // Present as written (an expression where none is allowed is reported once, as APIMC2007).
      const has = (n: string) => el.attrs.some((x) => x.name === n);
      const period = periodV?.kind === "literal" ? periodV.text.trim() : null;
      if (a["token-quota"] && !has("token-quota-period")) pc.diags.error(Codes.MissingAttribute, a["token-quota"].offset, `'token-quota' of <${name}> needs 'token-quota-period' (Hourly, Daily, Weekly, Monthly or Yearly).`);
      if (periodV && !has("token-quota")) pc.diags.error(Codes.MissingAttribute, periodV.offset, `'token-quota-period' of <${name}> needs 'token-quota'.`);
      if (!has("tokens-per-minute") && !has("token-quota") && !has("token-quota-period"))
        pc.diags.error(Codes.MissingAttribute, el.offset, `<${name}> needs a rate limit ('tokens-per-minute'), a quota ('token-quota' and 'token-quota-period'), or both.`);
      const names: Record<string, string | null> = {};
      for (const [attr, [key, header]] of Object.entries(NAME_ATTRS)) {
        const v = a[attr];
        names[key] = null;
        if (!v || v.kind !== "literal") continue;
        const t = v.text.trim();
        if (t === "") pc.diags.error(Codes.InvalidLiteral, v.offset, `'${attr}' of <${name}> must not be empty.`);
        else if (header && !isToken(t)) pc.diags.error(Codes.InvalidLiteral, v.offset, `'${t}' is not a valid HTTP header name.`);
        else names[key] = t;
      }
      const est = a["estimate-prompt-tokens"];
      if (!a["counter-key"]) return null;
      return {
        ...base,
        spec: { policy: name, tokensPerMinute: tpm, quota, quotaPeriod: quota !== null ? period : null, estimate: est?.kind === "literal" && est.text.trim().toLowerCase() === "true", names },
        key: a["counter-key"],
        tpm: tpmV ?? null,
      };
    },
    emit(node, ec) {
      const spec = specConstant(ec, node.spec, "tokenLimit");
      const tpm = node.tpm ? ec.value(node.tpm, "int") : js`null`;
      return js`await ${rt("llmTokenLimit")}(ctx, ${spec}, ${ec.value(node.key, "string")}, ${tpm});`;
    },
    isAsync: () => true,
  };
}

export const llmTokenLimit = tokenLimit("llm-token-limit");
export const azureOpenAiTokenLimit = tokenLimit("azure-openai-token-limit");
