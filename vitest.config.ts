import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The live C# reference needs Mono: `npm run test:csharp` (vitest.csharp.config.ts) runs it.
    exclude: [...configDefaults.exclude, "test/**/*.live.test.ts"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
