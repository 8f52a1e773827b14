// `apimc/runtime`: what generated modules import, and the runtime's public classes.
export { Context, RequestMessage, ResponseMessage, Url, QueryMap, VariableMap } from "./context.js";
export { HeaderMap, setHeader, headerValues, headerValue, joinValues, NO_COMMA_JOIN, PROTECTED_HEADERS } from "./headers.js";
export { MessageBody } from "./body.js";
export { PolicyError, DotNetException } from "./errors.js";
export { bodyOf, bodyOfBytes, utf8Bytes, checkStatusCode, secondsToMs, toNull, newResponse, responseFromVariable, endWithResponse, unreachable } from "./policy-helpers.js";
export { OutgoingRequest, newOutgoingRequest, sendRequest, sendOneWay, configureCertificates, configureDispatcher, configureResponseLimit, reasonPhrase } from "./http.js";
export { forwardRequest, forwardOnly, runPipeline, attachHost, END_PIPELINE, type PolicyModule, type BackendHost } from "./pipeline.js";
export { httpBackend } from "./backend.js";
export * from "./dotnet/index.js";
export * from "./traffic/index.js";
export * from "./state/index.js";
export { jsonToXmlBody, xmlToJsonBody, findAndReplaceBody, jsonToXmlText, xmlToJsonText } from "./transform/convert.js";
export { liquidParse, liquidRender, liquidRenderData, LiquidSyntaxError, LIQUID_FILTERS, type LiquidTemplate } from "./liquid/liquid.js";
export * from "./security/index.js";
export * from "./validation/index.js";
export { secretNamedValue, setNamedValues, withNamedValues, normalizeNamedValues, secretValues, maskSecrets, type NamedValueInput, type NamedValueTable } from "./named-values.js";
export { emitMetric, DEFAULT_DIMENSIONS, type Observer } from "./observe.js";
export { logToEventHub, type LogEntry, type LogSink } from "./integration/log-to-eventhub.js";
