import { VpnaasValidationError } from "../errors";
import type { ConfigValue } from "./clouds-file";
import { isRecord, str } from "./config-values";

export interface Region {
  name: string;
  values: ConfigValue;
}

/**
 * The cloud's region: `wanted` (the `region` option or OS_REGION_NAME, named by `wantedName`),
 * else `region_name`, else the first of `regions`.
 * With `regions` (names, or `{name, values}`), the region chosen must be one of them.
 */
export function chooseRegion(entry: Record<string, ConfigValue>, wanted: string | undefined, wantedName: string, source: string): Region | undefined {
  const listed = entry.regions;
  const regionName = str(entry.region_name);
  let regions: Region[];
  if (listed !== undefined && listed !== null) {
    if (!Array.isArray(listed)) throw new VpnaasValidationError("regions", `${source}: regions must be a list of region names or {name, values} mappings. Nothing was sent.`);
    regions = listed.map((item, i) => {
      if (typeof item === "string") return { name: item, values: undefined };
      if (isRecord(item) && typeof item.name === "string" && Object.keys(item).every((k) => k === "name" || k === "values") && (item.values === undefined || isRecord(item.values))) {
        return { name: item.name, values: item.values };
      }
      // The entry is not shown: its values may hold a password.
      throw new VpnaasValidationError("regions", `${source}: regions entry ${i + 1} must be a region name or a mapping with name (and values). Nothing was sent.`);
    });
  } else {
    // A comma-separated region_name, deprecated in openstacksdk but still read.
    regions = (regionName ?? "").split(",").filter(Boolean).map((name) => ({ name: name.trim(), values: undefined }));
  }
  const name = wanted ?? (listed !== undefined && listed !== null ? regionName : undefined) ?? regions[0]?.name;
  if (name === undefined) return undefined;
  if (regions.length === 0) return { name, values: undefined };
  const region = regions.find((r) => r.name === name);
  if (!region) {
    throw new VpnaasValidationError(
      wanted !== undefined ? wantedName : "region_name",
      `${source}: region ${JSON.stringify(name)}${wanted !== undefined ? ` (${wantedName})` : ""} is not one of the cloud's regions (${regions.map((r) => r.name).join(", ")}); region names are case sensitive. Nothing was sent.`,
    );
  }
  return region;
}
