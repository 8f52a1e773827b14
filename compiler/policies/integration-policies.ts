// Policies that talk to services beside the gateway (loggers, Dapr): the list registry.ts includes.
import type { PolicyDef } from "./types.js";
import { logToEventHub } from "./log-to-eventhub.js";
import { invokeDaprBinding, publishToDapr } from "./dapr.js";
import { httpDataSource } from "./http-data-source.js";
import { setGraphqlResolver } from "./set-graphql-resolver.js";

export const INTEGRATION_POLICIES: PolicyDef<any>[] = [logToEventHub, publishToDapr, invokeDaprBinding, httpDataSource, setGraphqlResolver];
