// log-to-eventhub: sends the element's text (a literal or an expression) to the logger `logger-id`.
// APIM's loggers are Azure Event Hubs; apimc sends to the sink gateway.json `loggers` (or an APIOps
// values file's `$loggers`) maps the id to: a JSON-lines file, stdout or an HTTP endpoint. In a
// gateway build an id without a mapping is APIMC2014 saying how to map it; a standalone compile
// (no configuration known) leaves the check to run time.
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";

export interface LogToEventHubNode extends PolicyNode {
  loggerId: string;
  partitionId: number | null;
  partitionKey: XValue | null;
  message: XValue;
}

/** How a logger id is mapped, for the diagnostic of an unmapped one. */
export function loggerMappingHint(id: string): string {
  return `map it in gateway.json: "loggers": { ${JSON.stringify(id)}: { "type": "file", "path": "logs/${id.replace(/[^A-Za-z0-9._-]/g, "_")}.jsonl" } } (or { "type": "stdout" }, or { "type": "http", "url": "..." }); for an APIOps folder, under "$loggers" in the --named-values file`;
}

export const logToEventHub: PolicyDef<LogToEventHubNode> = {
  name: "log-to-eventhub",
  sections: ALL_SECTIONS,
  attributes: {
    "logger-id": { required: true, expr: false },
    "partition-id": { expr: false, type: "int" },
    "partition-key": {},
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const id = a["logger-id"];
    if (a["partition-id"] && a["partition-key"]) pc.diags.error(Codes.InvalidLiteral, a["partition-key"].offset, "<log-to-eventhub> takes 'partition-id' or 'partition-key', not both (the reference page).");
    let partitionId: number | null = null;
    const pid = a["partition-id"];
    if (pid?.kind === "literal") {
      const n = Number(pid.text.trim());
      if (Number.isInteger(n) && n < 0) pc.diags.error(Codes.InvalidLiteral, pid.offset, `'partition-id' of <log-to-eventhub> is a partition index (0 or more), not ${n}.`);
      partitionId = n;
    }
    if (el.children.some((c) => c.kind === "element")) {
      pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<log-to-eventhub> takes the message as its text, not child elements."));
      return null;
    }
    const message = pc.text(el);
    if (!message || (message.kind === "literal" && message.text.trim() === "")) {
      pc.diags.error(Codes.MissingChild, el.offset, "<log-to-eventhub> needs the message to log as its text (a string or an expression).");
      return null;
    }
    if (!id || id.kind !== "literal") return null;
    const loggerId = id.text.trim();
    if (loggerId === "") {
      pc.diags.error(Codes.InvalidLiteral, id.offset, "'logger-id' of <log-to-eventhub> cannot be empty.");
      return null;
    }
    const known = pc.state.loggers;
    if (known && !known.has(loggerId) && !loggerId.includes("{{")) {
      pc.diags.error(
        Codes.NotSupportedOutsideAzure,
        id.offset,
        `The logger '${loggerId}' is an Azure Event Hubs logger in APIM, and the gateway configuration maps no sink to it: ${loggerMappingHint(loggerId)}.${known.size ? ` (Mapped: ${[...known].join(", ")}.)` : ""}`,
      );
      return null;
    }
    if (message.kind === "literal") message.text = message.text.trim();
    return { ...base, loggerId, partitionId, partitionKey: a["partition-key"] ?? null, message };
  },
  emit(node, ec) {
    const message = node.message.kind === "literal" ? js`${node.message.text}` : ec.value(node.message, "string");
    const key = node.partitionKey ? (node.partitionKey.kind === "literal" ? js`${node.partitionKey.text}` : ec.value(node.partitionKey, "string")) : js`null`;
    return js`${rt("logToEventHub")}(ctx, ${node.loggerId}, ${message}, ${node.partitionId}, ${key});`;
  },
};
