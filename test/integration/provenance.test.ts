/**
 * The authorities spec/openapi.yaml cites, checked against the Debian packages scripts/neutron/up.sh
 * installed (the unit suite runs the same check only where they happen to be installed): each
 * package at the version the spec pins, each cited file present, each name cited from it in it.
 */
import { checkProvenance } from "../helpers/provenance";
import { spec } from "../helpers/spec-validator";

test("every file and name the spec cites is in the installed package of the pinned version", () => {
  const report = checkProvenance(spec);
  expect(report.citations.length).toBeGreaterThanOrEqual(30);
  expect(report.verifyInstalled()).toEqual([]);
});
