// Runtime helpers of the traffic policies (re-exported by runtime/index.ts).
export {};
