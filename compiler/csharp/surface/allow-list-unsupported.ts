// Members APIM's allow-list names that apimc will not support, each with the reason: they cannot work
// outside Azure's gateway or cannot be used in a policy expression at all (their arguments or results
// are types the allow-list leaves out, so an expression can neither make nor use them). The binder
// names them with APIMC3009 and this reason; docs/surface-coverage.md lists them apart from "not yet".
// Keys are as diagnostics title members: the row's type without type parameters, then the member.

const EVENT = "an event: a handler needs delegate and event-argument types the allow-list leaves out, and apimc's C# subset has no event subscription (+=)";
const SERIALIZATION = "takes System.Runtime.Serialization's SerializationInfo and StreamingContext, which the allow-list leaves out";
const TASK = "returns a Task, whose members (Result, Wait, ...) the allow-list leaves out, so an expression cannot use the result; use the synchronous member";
const TYPE_ARG = "takes a System.Type (typeof), which the allow-list leaves out";

const TZ_RULES = "describes a zone by Windows' registry rules (AdjustmentRule, TransitionTime: one rule a year span, as .NET Framework reads HKLM\\...\\Time Zones), which apimc's zones do not have: they come from Node's ICU (IANA) data, whose transitions would give other rules than APIM's Windows gateway answers";
const TZ_RULE_PART = "a part of TimeZoneInfo's adjustment rules (Windows registry data), which apimc's IANA-based zones do not have (see TimeZoneInfo.GetAdjustmentRules)";

export const NOT_SUPPORTED: Readonly<Record<string, string>> = {
  "System.TimeZoneInfo.GetAdjustmentRules": TZ_RULES,
  "System.TimeZoneInfo.ToSerializedString": `${TZ_RULES} (the serialized form lists those rules)`,
  "System.TimeZoneInfo.FromSerializedString": `${TZ_RULES} (the serialized form is a zone made of such rules)`,
  "System.TimeZoneInfo.CreateCustomTimeZone": `${TZ_RULES} (a custom zone is an offset and such rules)`,
  "System.TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule": TZ_RULE_PART,
  "System.TimeZoneInfo.AdjustmentRule.DateStart": TZ_RULE_PART,
  "System.TimeZoneInfo.AdjustmentRule.DateEnd": TZ_RULE_PART,
  "System.TimeZoneInfo.AdjustmentRule.DaylightDelta": TZ_RULE_PART,
  "System.TimeZoneInfo.AdjustmentRule.DaylightTransitionStart": TZ_RULE_PART,
  "System.TimeZoneInfo.AdjustmentRule.DaylightTransitionEnd": TZ_RULE_PART,
  "System.TimeZoneInfo.AdjustmentRule.Equals": TZ_RULE_PART,
  "System.TimeZoneInfo.AdjustmentRule.GetHashCode": TZ_RULE_PART,
  "System.TimeZoneInfo.TransitionTime.CreateFixedDateRule": TZ_RULE_PART,
  "System.TimeZoneInfo.TransitionTime.CreateFloatingDateRule": TZ_RULE_PART,
  "System.TimeZoneInfo.TransitionTime.Day": TZ_RULE_PART,
  "System.TimeZoneInfo.TransitionTime.DayOfWeek": TZ_RULE_PART,
  "System.TimeZoneInfo.TransitionTime.Equals": TZ_RULE_PART,
  "System.TimeZoneInfo.TransitionTime.GetHashCode": TZ_RULE_PART,
  "System.TimeZoneInfo.TransitionTime.IsFixedDateRule": TZ_RULE_PART,
  "System.TimeZoneInfo.TransitionTime.Month": TZ_RULE_PART,
  "System.TimeZoneInfo.TransitionTime.TimeOfDay": TZ_RULE_PART,
  "System.TimeZoneInfo.TransitionTime.Week": TZ_RULE_PART,
  "Newtonsoft.Json.Linq.JContainer.AddingNew": EVENT,
  "Newtonsoft.Json.Linq.JContainer.CollectionChanged": EVENT,
  "Newtonsoft.Json.Linq.JContainer.ListChanged": EVENT,
  "Newtonsoft.Json.Linq.JObject.PropertyChanged": EVENT,
  "Newtonsoft.Json.Linq.JObject.PropertyChanging": EVENT,
  "System.Xml.Linq.XObject.Changed": EVENT,
  "System.Xml.Linq.XObject.Changing": EVENT,
  "System.Collections.Generic.Dictionary.GetObjectData": SERIALIZATION,
  "System.Collections.Generic.Dictionary.OnDeserialization": SERIALIZATION,
  "System.Collections.Generic.HashSet.GetObjectData": SERIALIZATION,
  "System.Collections.Generic.HashSet.OnDeserialization": SERIALIZATION,
  "System.Exception.GetObjectData": SERIALIZATION,
  "System.Exception.TargetSite": "returns a System.Reflection.MethodBase (reflection), which the allow-list leaves out; and a compiled policy has no .NET method to name",
  "System.Exception.GetType": "returns a System.Type, which the allow-list leaves out",
  "System.Exception.Data": "returns a non-generic System.Collections.IDictionary, whose members the allow-list leaves out",
  "System.String.IsInterned": "answers from the .NET runtime's intern pool (which strings the CLR happened to intern), which has no counterpart outside .NET",
  "System.Collections.Generic.IEnumerator.Current": "an enumerator moves with MoveNext, a member of System.Collections.IEnumerator, which the allow-list leaves out; use foreach",
  "System.IO.StringReader.ReadAsync": TASK,
  "System.IO.StringReader.ReadBlockAsync": TASK,
  "System.IO.StringReader.ReadLineAsync": TASK,
  "System.IO.StringReader.ReadToEndAsync": TASK,
  "System.IO.StringWriter.FlushAsync": TASK,
  "System.IO.StringWriter.WriteAsync": TASK,
  "System.IO.StringWriter.WriteLineAsync": TASK,
  "System.Xml.Linq.XNode.ReadFromAsync": TASK,
  "System.Xml.Linq.XNode.ReadFrom":
    "needs an XmlReader standing on a node (ReadState Interactive), which only XmlReader.Read or MoveToContent make, and the allow-list has no member of XmlReader: a reader from XNode.CreateReader() is before its first node and after XElement.Load at its end, so ReadFrom could only throw InvalidOperationException",
  "System.Array.CreateInstance": TYPE_ARG,
  "System.Nullable.GetUnderlyingType": TYPE_ARG,
  "System.Enum.Parse": `${TYPE_ARG} (.NET Framework has no generic Enum.Parse<T>)`,
  "System.Security.Cryptography.X509Certificates.X509Certificate.CreateFromCertFile": "reads a certificate file from the gateway's disk, which a policy cannot reach (APIM's own gateway has no such files either); use new X509Certificate2(byte[]) with the certificate's bytes",
  "System.Security.Cryptography.X509Certificates.X509Certificate.CreateFromSignedFile": "reads a signed file from the gateway's disk, which a policy cannot reach (APIM's own gateway has no such files either)",
  "System.Security.Cryptography.X509Certificates.X509Certificate.Handle": "the native certificate context (an IntPtr) of Windows' CryptoAPI, which exists only in .NET on Windows",
  "System.Text.Encoding.RegisterProvider": "takes a System.Text.EncodingProvider, which the allow-list leaves out (and .NET Framework 4.x ships no provider to register)",
  "System.Text.Encoding.GetDecoder": "returns a System.Text.Decoder, whose members the allow-list leaves out",
  "System.Text.Encoding.GetEncoder": "returns a System.Text.Encoder, whose members the allow-list leaves out",
  "System.Text.Encoding.DecoderFallback": "a System.Text.DecoderFallback, whose members the allow-list leaves out",
  "System.Text.Encoding.EncoderFallback": "a System.Text.EncoderFallback, whose members the allow-list leaves out",
  "System.Text.Encoding.GetEncodings": "returns System.Text.EncodingInfo objects, whose members the allow-list leaves out",
};

/** Why apimc does not support an allowed member (by its diagnostic title), or undefined when it may yet. */
export function notSupportedReason(title: string): string | undefined {
  return Object.hasOwn(NOT_SUPPORTED, title) ? NOT_SUPPORTED[title] : undefined;
}
