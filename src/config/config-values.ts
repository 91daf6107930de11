import type { ConfigValue } from "./clouds-file";

// Reading parsed clouds.yaml / secure.yaml values, whose shape nothing guarantees.

export const isRecord = (v: ConfigValue): v is Record<string, ConfigValue> => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: ConfigValue): string | undefined => (typeof v === "string" ? v : undefined);
export const member = (v: ConfigValue, key: string): ConfigValue => (isRecord(v) ? v[key] : undefined);

/** Deep merge of two parsed files: mappings merged key by key, anything else from `over`. */
export function mergeClouds(base: ConfigValue, over: ConfigValue): ConfigValue {
  if (!isRecord(base) || !isRecord(over)) return over === undefined ? base : over;
  const out: Record<string, ConfigValue> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = mergeClouds(base[key], value);
  return out;
}
