/**
 * `npm run test:integration`: the SDK and the spec against real OpenStack servers (Neutron 21 + VPNaaS,
 * Keystone 22) on loopback. globalSetup uses servers already started by `bash scripts/neutron/up.sh`,
 * or starts them itself (and then stops them in globalTeardown, unless NEUTRON_KEEP=1).
 * @type {import('jest').Config}
 */
import base from "./jest.config.js";

export default {
  ...base,
  roots: ["<rootDir>/test/integration"],
  testPathIgnorePatterns: ["/node_modules/"],
  globalSetup: "<rootDir>/test/integration/global-setup.ts",
  globalTeardown: "<rootDir>/test/integration/global-teardown.ts",
  // One real server: suites run one after another so that timings and memory are readable.
  maxWorkers: 1,
  testTimeout: 120_000,
  slowTestThreshold: 30,
};
