// The module contract: what a generated module and the runtime agree on, in one table (the way
// ajv's lib/compile/names.ts names what its generated code may use). The compiler emits only what
// is listed here and the runtime reads modules by it. No imports: runtime/ and compiler/ both import it.

/** What a section function returns to end the pipeline (return-response, mock-response, cors, cache-lookup, wait). */
export const END_PIPELINE = 1;

/** The section functions a module exports, by section (a section without policies exports null). */
export const SECTION_EXPORTS = { inbound: "inbound", backend: "backend", outbound: "outbound", "on-error": "onError" } as const;

/** The parameter of every section function and hoisted expression function: the APIM `context`. */
export const CONTEXT_PARAM = "ctx";
/** The context field generated code sets to the running policy's row in `meta.policies` (LastError, traces). */
export const POLICY_INDEX_FIELD = "$p";
/** In the "function" module format, the parameter that holds the runtime's exports. */
export const RUNTIME_PARAM = "rt";
/** Names a module defines itself: no local, constant or helper may take them. */
export const MODULE_NAMES: readonly string[] = [CONTEXT_PARAM, RUNTIME_PARAM, "meta", ...Object.values(SECTION_EXPORTS), "secretNamedValue"];

/** PolicyRow flags: the row's attributes come from named values (the trace masks them). */
export const ROW_MASKED = 1;
/** PolicyRow flags: the row is the start of a choose branch, not a policy. */
export const ROW_BRANCH = 2;

/** One row of a module's policy table: where a policy is, for LastError, the trace and error reports. */
export interface PolicyRow {
  /** The policy's element name ("choose" for a branch row). */
  readonly name: string;
  /** LastError.Path: `choose[1]\when[2]\set-header[1]`. */
  readonly path: string;
  /** The element's `id` attribute, or null. */
  readonly id: string | null;
  readonly section: string;
  readonly scope: string;
  /** The file the policy came from (relative to a build's base directory), and its line. */
  readonly file?: string;
  readonly line?: number;
  /** ROW_MASKED | ROW_BRANCH. */
  readonly flags: number;
}

/** A module's `meta` export. */
export interface ModuleMeta {
  readonly source: string;
  readonly hash: string;
  readonly compiler: string;
  /** Some policy or expression of the module reads a message body: the gateway buffers bodies. */
  readonly readsBody?: boolean;
  readonly policies: readonly PolicyRow[];
}

/** A header as HeaderMap holds it (runtime/headers.ts HeaderEntry). */
export interface HeaderEntryShape {
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * HeaderMap operations generated code calls with a name the compiler already lower-cased (a literal
 * name): one Map operation each, as fast as reaching into the map.
 */
export interface HeaderOps {
  entryLower(key: string): HeaderEntryShape | undefined;
  hasLower(key: string): boolean;
  /** Replaces the header; `entry` is never mutated (literal entries are shared frozen constants). */
  setLower(key: string, entry: HeaderEntryShape): void;
  deleteLower(key: string): void;
  appendValues(name: string, values: readonly string[]): void;
  valueLower(key: string, def: string | null): string | null;
}
export const HEADER_OPS = {
  entry: "entryLower",
  has: "hasLower",
  set: "setLower",
  delete: "deleteLower",
  append: "appendValues",
  value: "valueLower",
} as const satisfies Record<string, keyof HeaderOps>;

/** QueryMap operations generated code calls (names are case-sensitive; values arrays are owned by the map). */
export interface QueryOps {
  hasName(name: string): boolean;
  setName(name: string, values: string[]): void;
  deleteName(name: string): void;
}
export const QUERY_OPS = { has: "hasName", set: "setName", delete: "deleteName" } as const satisfies Record<string, keyof QueryOps>;

/**
 * Runtime helpers the compiler may run at build time (compiler/codegen/fold.ts) when every input of
 * a call is known: deterministic functions of their arguments that read no context, clock, random
 * source, configuration or state (the culture is fixed: the invariant one). A call that throws is
 * left to run time. Objects they return (an Encoding, a hash algorithm, byte[]) are used at build
 * time only as arguments of further folded calls; a value is emitted only as a string, number,
 * boolean or null literal. A subset of RUNTIME_HELPERS (a test checks).
 */
export const PURE_HELPERS: ReadonlySet<string> = new Set([
  "Encoding", "anon", "anonShow", "jsonSerialize", "jsonQuote", "utf8Bytes", "toBase64", "toBase64Url", "utf8ToBase64", "utf8ToBase64Url",
  "fromBase64", "toHex", "fromHex", "newHash", "newHmacUtf8Key", "strReplace", "strSubstring", "strTrim", "strPad",
  "strIndexOf", "strLastIndexOf", "strStartsWith", "strEndsWith", "strInsert", "strRemove", "strLen", "strCharAt",
  "strEquals", "strJoin", "strSplit", "strSplitFirst", "strSplitLast", "strSplitOn", "upperInv", "lowerInv", "toStr",
  "toStrOrEmpty", "toStrOrNull", "isNullOrEmpty", "isNullOrWhiteSpace", "urlEncode", "urlDecode", "escapeDataString",
  "unescapeDataString", "htmlEncode", "htmlDecode", "numToString", "fmtDouble", "charsToString", "toCharArray",
]);

/**
 * The runtime exports generated code may import (`apimc/runtime`). The compiler refuses any other
 * helper name (codegen/code.ts `rt`); a test checks every name here is exported by runtime/index.ts.
 */
export const RUNTIME_HELPERS: ReadonlySet<string> = new Set([
  "BIG_RANGES", "CACHE_STORE", "CharBox", "ClaimMap", "Context", "CryptoTransform", "DateTime", "DateTimeOffset", "Decimal",
  "Dictionary", "DotNetException", "END_PIPELINE", "Encoding", "EnumBox", "FloatBox", "Group", "HashSet",
  "HeaderMap", "INT_RANGES", "IPAddress", "JArray", "JConstructor", "JContainer", "JObject", "JProperty", "JSingle", "JToken",
  "JValue", "Jwt", "KeySizes", "LIQUID_FILTERS", "LONG_MAX", "LONG_MIN", "LiquidSyntaxError", "ManualClock", "Match",
  "MemoryCacheStore", "MemoryConcurrencyStore", "MemoryQuotaStore", "MemoryRateLimitStore", "MessageBody", "NEWLINE",
  "NO_COMMA_JOIN", "NumBox", "Oid", "OutgoingRequest", "PROTECTED_HEADERS", "PolicyError", "QueryMap", "Queue",
  "Random", "Regex", "RequestMessage", "ResponseMessage", "RsaAlg", "RsaPadding", "STATE_STORES", "SYSTEM_CLOCK",
  "Stack", "StringBuilder", "StringReader", "StringWriter", "SymAlg", "TT", "TT_NAMES", "TimeSpan", "Tuple",
  "ULONG_MAX", "Uri", "Url", "VariableMap", "XAttribute", "XCData", "XComment", "XContainer", "XDeclaration",
  "XDocument", "XElement", "XName", "XNamespace", "XNode", "XObject", "XProcessingInstruction", "XText", "align",
  "anon", "anonShow", "arrBinarySearch", "arrFindAll", "arrForEach", "arrGetLength", "arrGetLowerBound", "arrGetUpperBound",
  "arrItem", "arrNotNull", "arrResize", "arrSet", "arrayCopy", "arraySort", "asBasic", "asJwt", "asymmetricCreate",
  "authenticationCertificate", "authenticationManagedIdentity", "backendServiceById", "backendServiceUrl",
  "basicAuthorization", "bitConverterGetBytes", "bitConverterToInt32", "bitConverterToString", "bitDoubleToInt64",
  "bitInt64ToDouble", "bitToBoolean", "bitToChar", "bitToDouble", "bitToInt16", "bitToInt64", "bitToSingle",
  "bitToUInt16", "bitToUInt32", "bitToUInt64", "bodyOf", "bodyOfBytes", "boxChar", "boxDouble", "boxEnum", "boxGuid", "castEnum", "comparerToString", "decConst", "enumFormat", "guidHash", "isEnumOf",
  "boxFloat", "boxNum", "bumpVersion", "cacheDownstreamType", "cacheGetValue", "cacheLookupResponse",
  "cacheRemoveValue", "cacheSetValue", "cacheStoreResponse", "capacity", "capacityArg", "castBool", "castInt", "castJArray",
  "castJObject", "castJToken", "castLong", "castResponse", "castString", "castTo", "certVerify", "charArgAt",
  "charAtArg", "charCategory", "charCodePointAtArg", "charConvertFromUtf32",
  "charConvertToUtf32", "charConvertToUtf32At", "charIs", "charIsSurrogatePair", "charIsSurrogatePairAt", "charLower", "charTryParse",
  "charUnicodeCategory", "charUpper", "charsRangeToString", "charsToString", "checkHeader", "checkStatusCode", "chk",
  "chkConv", "clearManagedIdentityCache", "clearOpenIdCache", "clientCertificateOf", "cmp", "collAdd", "collClear",
  "collContains", "collCopyTo", "collRemove", "collectionModified", "compare", "comparerCompare", "comparerEquals", "concurrencyEnter",
  "concurrencyLeave", "configureJwtCertificates", "configureManagedIdentity", "configureOpenIdCache", "convertTo",
  "corsHandle", "corsNormalizeOrigin", "count", "cultureInfo", "d2l", "dateTimeOps", "dblEquals", "dblEqualsObj", "dblToInt", "ddiv", "decAbs",
  "decAdd", "decAverage", "decCeiling", "decCmp", "decDigits", "decDiv", "decEq", "decFloor", "decFromBits",
  "decFromDouble", "decFromFloat", "decFromInt", "decFromNum", "decLit", "decMax", "decMin", "decMod", "decMul",
  "decNeg", "decOp", "decParseParts", "decRound", "decSign", "decStr", "decSub", "decSum", "decToFloat",
  "decToIntegral", "decToNum", "decTruncate", "decimalToInt", "dictAdd", "dictContainsKey", "dictContainsValue",
  "dictGetOrDefault", "dictItem", "dictKeys", "dictRemove", "dictSet", "dictTryGet", "dictValues", "dispose",
  "encBodyName", "encCodePage", "encConvert", "encFlag", "encGetChars", "encHeaderName", "encIsSingleByte", "encMaxByteCount",
  "encMaxCharCount", "encName", "encPreamble", "encWindowsCodePage", "endWithResponse", "enumStr", "enumTryParse",
  "escapeDataString", "escapeUriString", "exGetBaseException", "exHResult", "exHelpLink", "exSetHelpLink",
  "expressionBudget", "findAndReplaceBody", "fmtDouble", "fmtFloat", "fmtRoundTrip", "fmtValue", "foreachSeq", "formDict",
  "formToContent", "formToQueryString", "formatDate", "forwardOnly", "forwardRequest", "forwardWithCertificate",
  "fromBase64", "fromBase64Chars", "fromHex", "guidFormat", "guidFromBytes", "guidParse", "guidToBytes", "guidParseExact", "guidTryParseExact",
  "guidTryParse", "hashCode", "hashCreate", "headerValue", "headerValues", "htmlDecode", "htmlEncode",
  "httpMethodValue", "iabs", "idiv", "idiv32", "ieeeRemainder",
  "mathLogBase", "mathPow", "matchCollectionItem", "fmax", "fmin", "imod", "imod32", "nullableOr", "intToBase", "introSort",
  "ipFilter", "ipKey", "ipRange", "isEnumerable", "isException", "isGuid", "isNullOrEmpty", "isNullOrWhiteSpace",
  "isOfType", "isPlainObject", "isResponse", "jAfterSelf", "jAncestors", "jBeforeSelf", "jDescendantsAndSelf",
  "jPropertyValues", "jReplaceAll", "jCreateReader", "jCreateWriter", "jEqualityComparer", "jLoadAs", "jRawCreate", "jReadFrom", "jWriteTo", "jShaped", "jconv", "joinValues", "jsAncestors", "jsChildren", "jsDescendants",
  "jsProperties", "jsValue", "jsValues", "jsonDeserialize", "jsonQuote", "jsonSerialize", "jsonToXmlBody", "jsonToXmlText",
  "jsonp", "jValueAt", "jvalueObject", "jvalues", "keySizeValid", "l2d", "l2i", "lAverage", "ladd", "lbit", "lchk", "lconst",
  "lconv", "ldiv", "liftBool", "liftNot", "lowerCulture", "upperCulture", "withProvider", "liftNum", "linqAggregate", "linqAggregateSeed", "linqAll", "linqAny",
  "linqAppend", "linqAverage", "linqCast", "linqConcat", "linqContains", "linqContainsBy", "linqCount", "linqDefaultIfEmpty", "linqDistinct", "linqElementAt",
  "linqElementAtOrDefault", "linqExcept", "linqFirst", "linqFirstOrDefault", "linqGroupBy", "linqGroupJoin",
  "linqIntersect", "linqJoin", "linqLast", "linqLastOrDefault", "linqMax", "linqMaxBy", "linqMin", "linqOfType",
  "linqOrderBy", "linqPrepend", "linqRange", "linqRepeat", "linqReverse", "linqSelect", "linqSelectMany", "linqSequenceEqual",
  "linqSingle", "linqSingleOrDefault", "linqSkip", "linqSkipWhile", "linqSum", "linqSumInt", "linqTake",
  "linqTakeWhile", "linqThenBy", "linqToDictionary", "linqToLookup", "linqUnion", "linqWhere", "linqZip", "liquidParse",
  "liquidRender", "liquidRenderData", "listAdd", "listAddRange", "listClear", "listConvertAll", "listCopyTo",
  "listFindIndex", "listFindLast", "listFindLastIndex", "listForEach", "listGetRange", "listIndexOf", "listInsert",
  "listInsertRange", "listItem", "listLastIndexOf", "listRemoveAll", "listRemoveAt", "listRemoveRange",
  "listReverse", "listSet", "listSortWith", "listTrueForAll", "lmax", "lmin", "lmod", "lmul", "lneg", "lnot", "lnum",
  "longBytes", "loopCheck", "lowerInv", "lshift", "lsub", "lsum", "managedIdentityToken", "mathRound", "mathSign",
  "mockResponse", "newArray", "newException", "newGuid", "newHash", "newHmacUtf8Key", "newOid", "newOutgoingRequest",
  "newRandom", "newResponse", "newRng", "newRsaParameters", "newTuple", "newTupleF", "nonNeg", "notNull", "nowTicks",
  "nullableValue", "numFormat", "numToString", "objEquals", "oidCopy", "oidFromFriendlyName", "oidFromValue",
  "oidName", "parseBase", "parseBool", "parseChar", "parseJson", "parseNum", "parseUriTemplate", "parseXml",
  "queryValues", "quotaByKey", "quotaSubscription", "randomBytes", "rateLimitByKey", "rateLimitSubscription",
  "readerError", "reasonPhrase", "recvNotNull", "regexEscape", "regexUnescape", "registerDateParser",
  "registerDateTimeOps", "registerTypeCheck", "responseFromVariable", "retryDelayMs", "retrySettings", "retryWait",
  "rewriteUri", "rewriteUriDynamic", "rsaCreate", "rsaCreateFrom", "rsaCreateNamed", "rsaCreateOaep",
  "rsaCreateSized", "rsaEncryptionPadding", "rsaSignaturePadding", "rshift", "runtimeTypeName", "sbCopyTo",
  "secondsToMs", "secretNamedValue", "sendOneWay", "sendOneWayWithIdentity", "sendRequest", "seq", "setAdd",
  "setExceptWith", "setHeader", "setIntersectWith", "setIsProperSubsetOf", "setIsProperSupersetOf", "setIsSubsetOf",
  "setIsSupersetOf", "setOverlaps", "setQueryParameter", "setRemoveWhere", "setSetEquals", "setStateClock",
  "setSymmetricExceptWith", "setTryGetValue", "setUnionWith", "stateClock", "stateFinish", "stateHasFinish",
  "stateOnFinish", "strCharAt", "strCompare", "strCompareTo", "strCopyTo", "strEndsWith", "strEquals", "strFormat",
  "strIndexOf", "strIndexOfAny", "strInsert", "strJoin", "strLastIndexOf", "strLastIndexOfAny",
  "strLastIndexOfCharFrom", "strLastIndexOfFrom", "strLen", "strPad", "strRecv", "strRemove", "strReplace",
  "strSplit", "strSplitFirst", "strSplitLast", "strSplitOn", "strStartsWith", "strSubstring", "strTrim",
  "symDecrypt", "symEncrypt", "symmetricCreate", "tagType", "throwValue", "throwable", "timeSpanText", "toBase64",
  "toBase64Chars", "toBase64Url", "toCharArray", "toDec", "toDotNetException", "toHex", "toJToken", "toJValue",
  "toList", "toNodes", "toNull", "toStr", "toStrOrEmpty", "toStrOrNull", "traceWrite", "tryParseBool", "tryParseNum",
  "typeNameOf", "u8", "unboxJson", "unboxJsonDeep", "unescapeDataString", "unreachable", "upperInv",
  "uriCheckSchemeName", "uriFromHex", "uriHexEscape", "uriIsHexDigit", "uriIsHexEncoding", "uriIsWellFormed",
  "urlDecode", "urlDecodeToBytes", "urlEncode", "urlEncodeLower", "urlEncodeToBytes", "utf8Bytes", "utf8ToBase64",
  "utf8ToBase64Url", "validateContent", "validateHeaders", "validateJwt", "validateJwtAsync", "validateODataRequest", "validateParameters", "validateStatusCode", "valueEquals", "verifyNCName", "waitAll",
  "waitAny", "waitChildFailed", "waitFor", "writeToken", "xAddAfterSelf", "xAddBeforeSelf", "xAttributeSetValue",
  "xCompareDocumentOrder", "xCreateReader", "xCreateWriter", "xLoadReader", "xLoadText", "xSaveText", "xSaveWriter", "xWriteTo", "XDocumentType", "xDeepEquals", "xNodeEqualityComparer", "XNodeEqualityComparer", "xDescendantNodesAndSelf", "xElementsBeforeSelf", "xIsAfter", "xIsBefore",
  "xNewProcessingInstruction", "xNextAttribute", "xNodeType", "xNodesAfterSelf", "xNodesBeforeSelf",
  "xPreviousAttribute", "xReplaceAll", "xReplaceAttributes", "xReplaceWith", "xconv", "xmlError", "xmlFlat",
  "xmlToJsonBody", "xmlToJsonText", "xmlValueString", "xname", "xnameOrNull", "xnn", "xns", "xnsName", "xsAncestors",
  "xsDescendantNodes", "xsDescendantsAndSelf", "xsInDocumentOrder", "xsRemove",
  // X.509 certificates (runtime/dotnet/x509.ts)
  "X509Certificate", "X509Certificate2", "newX509", "certRaw", "certContentType", "certExtension", "certRsaPublicKey",
  "certRsaPrivateKey", "certCopyWithPrivateKey", "notSupportedCtor",
  // TimeZoneInfo (runtime/dotnet/timezone.ts)
  "TimeZoneInfo", "tzUtcZone", "tzLocalZone", "tzFind", "tzSystemZones", "tzConvert", "tzConvertTo", "tzConvertOffset", "tzFromUtc", "tzToUtc", "tzConvertByIds",
  // allow-list members of System (type-code.ts, numeric-values.ts, decimal-bits.ts)
  "typeCodeOf", "convertTypeCode", "changeType", "DBNULL", "isDBNull", "charNumericValue", "charNumericValueAt", "decGetBits", "decToOACurrency", "decFromOACurrency", "isEncoding",
  "asReadOnly", "roIndexOf", "collIsReadOnly", "collComparer", "newSetComparer", "arrGetValue", "arrSetValue", "capacityOf", "listSetCapacity", "listTrimExcess", "withCapacity", "currentTimeZone", "isDaylightSavingTimeIn", "DaylightTime", "clearCachedData", "newTuple8",
  // emit-metric (runtime/observe.ts)
  "emitMetric",
  // issue 16 transforms, traffic and security policies (runtime/security/entra.ts, runtime/transform/, runtime/traffic/)
  "validateAzureAdToken", "validateGraphqlRequest", "crossDomain", "redirectContentUrls", "xslTransform",
  // validate-client-certificate (runtime/security/client-certificate.ts)
  "validateClientCertificate",
  // log-to-eventhub (runtime/integration/log-to-eventhub.ts)
  "logToEventHub",
  // AI gateway: llm-/azure-openai- token-limit and emit-token-metric (runtime/ai/)
  "llmTokenLimit", "llmEmitTokenMetric", "llmSemanticCacheLookup", "llmSemanticCacheStore",
  // Dapr (runtime/integration/dapr.ts)
  "daprInvokeUrl", "daprPublish", "daprBinding",
  // proxy (runtime/traffic/forward-proxy.ts)
  "forwardProxy",
  // set-graphql-resolver (runtime/graphql/resolvers.ts)
  "graphqlResolver", "graphqlAnswer",
]);

/**
 * Helpers that read their first argument's members before anything else can fail: a null there is
 * a TypeError, which is NullReferenceException, as .NET's callvirt on a null receiver. The compiler
 * adds no receiver check where a lowering hands the receiver to one of them (the generated
 * null-receiver test in test/differential/argument-order.test.ts holds them to it).
 */
export const DEREFERENCE_FIRST: ReadonlySet<string> = new Set([
  "lowerInv", "upperInv", "strCharAt", "strCompareTo", "strCopyTo", "strEndsWith", "strIndexOf", "strIndexOfAny", "strInsert", "strLastIndexOf", "strLastIndexOfAny",
  "strLastIndexOfCharFrom", "strLastIndexOfFrom", "strLen", "strPad", "strRemove", "strReplace", "strSplit", "strSplitFirst", "strSplitLast", "strSplitOn", "strStartsWith", "strSubstring", "strTrim",
]);
