import base from "./jest.config.js";

/**
 * The fast suites, for `npm run test:mutation`: Stryker runs each mutant against the tests that cover
 * it, so a suite here must take well under a second per run. Left out: those that start other
 * programs or check artefacts rather than src/ behaviour (Prism contract, Spectral, Chromium and the
 * HTML reference, the packed tarball, API Extractor, TypeDoc, oasdiff, openstacksdk in Python, the
 * operations table script, the other runtimes) and the integration rig.
 */
export default {
  ...base,
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    "<rootDir>/test/browser/",
    "<rootDir>/test/(contract-prism|spectral-house-rules|html-reference|package|api-report|docs|spec-diff|config-openstacksdk|operations-table|entry-points|readme-examples|size-floor)\\.test\\.ts$",
  ],
};
