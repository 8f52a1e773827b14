// `npm run test:csharp`: the recorded C# answers against the live reference (Mono + Newtonsoft.Json).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.live.test.ts"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
