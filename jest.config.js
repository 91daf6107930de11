/** @type {import('jest').Config} */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/integration/"],
  transform: {
    // Transpile only: `npm run typecheck` type-checks src and test once, with the project's tsconfig.
    "^.+\\.ts$": ["ts-jest", { tsconfig: { isolatedModules: true, module: "commonjs", moduleResolution: "node10", target: "es2022", esModuleInterop: true } }],
  },
  testTimeout: 30_000,
};
