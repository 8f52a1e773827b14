// Runtime helpers of the state and transform policies (re-exported by runtime/index.ts).
export {};
