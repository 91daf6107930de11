import { akskAuth } from "../auth/aksk";
import type { AuthStrategy } from "../auth/strategy";
import { VpnaasValidationError } from "../errors";

/** The variables that mean "authenticate with Huawei Cloud AK/SK". */
export const HUAWEI_CREDENTIALS = ["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"];

// Region ids as Huawei Cloud writes them: cn-north-4, ap-southeast-1, la-north-2, ae-ad-1.
const REGION_ID = /^[a-z]{2}(?:-[a-z0-9]+)+$/;

// Regions whose VPC endpoint is not under myhuaweicloud.com (Huawei's SDKs' VpcRegion tables,
// e.g. huaweicloud-sdk-python-v3 vpc/v2/region/vpc_region.py: eu-west-101 → myhuaweicloud.eu).
const REGION_DOMAINS: Readonly<Record<string, string>> = { "eu-west-101": "myhuaweicloud.eu" };

/**
 * The VPC endpoint of a Huawei Cloud region, which serves `/v2.0/vpn/…`:
 * `https://vpc.{region}.myhuaweicloud.com` (`.eu` for eu-west-101), as Huawei's SDKs build it.
 *
 * @param setting the name the region was given under, for the message.
 * @throws VpnaasValidationError when `region` is not a region id (e.g. `cn-north-4`).
 */
export function huaweiVpcEndpoint(region: string, setting: string): string {
  if (!REGION_ID.test(region)) {
    const shown = region.length <= 40 ? JSON.stringify(region) : `a value of ${region.length} characters`;
    throw new VpnaasValidationError(setting, `${setting} must be a Huawei Cloud region id such as cn-north-4, not ${shown}. Nothing was sent.`);
  }
  return `https://vpc.${region}.${REGION_DOMAINS[region] ?? "myhuaweicloud.com"}`;
}

export interface HuaweiSettings {
  auth: AuthStrategy;
  baseUrl: string;
  /** The region the endpoint was built from; absent when `baseUrl` was given. */
  region?: string;
}

/**
 * AK/SK from `HUAWEICLOUD_SDK_AK`/`_SK` (+ `_PROJECT_ID`, `_SECURITY_TOKEN`). The endpoint is
 * `baseUrl` when given, else built from the region: `region` (an option, winning) or
 * `HUAWEICLOUD_SDK_REGION`.
 *
 * @throws VpnaasValidationError naming what is missing.
 */
export function huaweiSettings(env: Readonly<Record<string, string | undefined>>, baseUrl: string | undefined, region: string | undefined): HuaweiSettings {
  const regionSetting = region !== undefined ? "region" : "HUAWEICLOUD_SDK_REGION";
  const regionId = region ?? (env.HUAWEICLOUD_SDK_REGION || undefined);
  const missing = [
    ...HUAWEI_CREDENTIALS.filter((n) => !env[n]),
    ...(baseUrl || regionId !== undefined ? [] : ["baseUrl or HUAWEICLOUD_SDK_REGION (e.g. cn-north-4)"]),
  ];
  if (missing.length) {
    throw new VpnaasValidationError(missing[0]!.split(" ")[0]!, `HUAWEICLOUD_SDK_* credentials are incomplete: missing ${missing.join(", ")}. Nothing was sent.`);
  }
  const auth = akskAuth({
    accessKey: env.HUAWEICLOUD_SDK_AK!,
    secretKey: env.HUAWEICLOUD_SDK_SK!,
    projectId: env.HUAWEICLOUD_SDK_PROJECT_ID || undefined,
    securityToken: env.HUAWEICLOUD_SDK_SECURITY_TOKEN || undefined,
  });
  if (baseUrl) return { auth, baseUrl };
  return { auth, baseUrl: huaweiVpcEndpoint(regionId!, regionSetting), region: regionId };
}
