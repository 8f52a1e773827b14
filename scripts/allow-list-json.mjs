// The text of compiler/csharp/surface/apim-allow-list.json: valid JSON laid out one member a line so
// that a re-generation diffs by member.
export function allowListJson(types, readFrom) {
  const row = (t) =>
    `    { "type": ${JSON.stringify(t.type)}, "clr": ${JSON.stringify(t.clr)}, "docs": ${JSON.stringify(t.docs)}, "members": [\n` +
    t.members.map((m) => `      ${JSON.stringify(m)}`).join(",\n") +
    `\n    ]${t.restricted?.length ? `, "restricted": ${JSON.stringify(t.restricted)}` : ""} }`;
  return `{
  "generatedBy": "npm run allow-list:members (scripts/allow-list-members.mjs) from apim-allow-list-docs.ts. Do not edit.",
  "readFrom": ${JSON.stringify(readFrom)},
  "format": "members: [name, kind, static (1) or instance (0), .NET overloads]; restricted: [surface key, static (1) or instance (0)]",
  "types": [
${types.map(row).join(",\n")}
  ]
}
`;
}
