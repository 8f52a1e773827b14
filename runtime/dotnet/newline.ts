// Environment.NewLine of the APIM gateway, which runs .NET Framework on Windows: "\r\n". Json.NET's
// indented output, XmlWriter's indentation (XmlWriterSettings.NewLineChars defaults to it) and
// StringBuilder.AppendLine write it; they read it here.
export const envNewline = { text: "\r\n" };

/**
 * Mono on Linux writes "\n". The differential fuzzer (test/differential/generate/fuzz.ts
 * monoEmulationArtefact) turns this on to check that a difference is exactly this one. Test-only:
 * never on in a gateway.
 */
export const monoNewline = {
  get on(): boolean {
    return envNewline.text === "\n";
  },
  set on(v: boolean) {
    envNewline.text = v ? "\n" : "\r\n";
  },
};
