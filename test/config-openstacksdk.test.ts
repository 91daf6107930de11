// vpnaas-sdk/node against openstacksdk itself: for real-world clouds.yaml / secure.yaml /
// environment combinations, both loaders must resolve the same auth URL, auth type, user,
// project, domains, region and interface, or differ as README documents (each difference is a
// row here). openstacksdk runs pinned, in a virtual environment under .cache (made on first use).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { settingsFromEnvironment } from "../src/node";

const OPENSTACKSDK = "openstacksdk==4.5.0";
const KEYSTONEAUTH = "keystoneauth1==5.18.1";
const venv = resolve(__dirname, "..", ".cache", "openstacksdk-venv");
const python = join(venv, "bin", "python");

beforeAll(() => {
  // scripts/setup-openstacksdk.sh (run by scripts/setup.sh) makes the venv with these pins.
  let installed = "";
  try {
    installed = execFileSync(python, ["-c", "import importlib.metadata as m; print('openstacksdk=='+m.version('openstacksdk'), 'keystoneauth1=='+m.version('keystoneauth1'))"], { encoding: "utf8" }).trim();
  } catch {
    // reported below
  }
  if (installed !== `${OPENSTACKSDK} ${KEYSTONEAUTH}`) throw new Error(`${venv} lacks ${OPENSTACKSDK} ${KEYSTONEAUTH}: run bash scripts/setup-openstacksdk.sh (scripts/setup.sh does)`);
});

const password = `      auth_url: https://keystone.example.com:5000/v3
      username: operator
      password: pw
      user_domain_name: Default
      project_name: network
      project_domain_name: Default`;

interface Case {
  files: Record<string, string>;
  env?: Record<string, string>;
  /** Keys where vpnaas-sdk/node deliberately differs (README, "Where this differs from openstacksdk"): [ours, openstacksdk's]. */
  differs?: Record<string, [string | undefined, string | undefined]>;
}

const cases: Record<string, Case> = {
  "DevStack password cloud, region_name": {
    files: { "cwd/clouds.yaml": `clouds:\n  devstack:\n    auth:\n${password}\n    region_name: RegionOne\n    identity_api_version: 3\n` },
    env: { OS_CLOUD: "devstack" },
  },
  "auth_type v3password, interface internal, file in ~/.config/openstack": {
    files: { "home/.config/openstack/clouds.yaml": `clouds:\n  c:\n    auth_type: v3password\n    interface: internal\n    auth:\n${password}\n` },
    env: { OS_CLOUD: "c" },
  },
  "password kept in secure.yaml in another directory": {
    files: {
      "cwd/clouds.yaml": `clouds:\n  c:\n    auth_type: password\n    auth:\n${password.replace("      password: pw\n", "")}\n    region_name: RegionOne\n`,
      "etc/secure.yaml": "clouds:\n  c:\n    auth:\n      password: pw\n",
    },
    env: { OS_CLOUD: "c" },
  },
  "secure.yaml overriding a clouds.yaml value, OS_CLIENT_SECURE_FILE": {
    files: {
      "cwd/clouds.yaml": `clouds:\n  c:\n    auth:\n${password}\n`,
      "cwd/secure.yaml": "clouds:\n  c:\n    auth:\n      username: from-cwd\n",
      "elsewhere/secure.yaml": "clouds:\n  c:\n    auth:\n      username: from-env-file\n",
    },
    env: { OS_CLOUD: "c", OS_CLIENT_SECURE_FILE: "ROOT/elsewhere/secure.yaml" },
  },
  "OS_CLIENT_CONFIG_FILE before ./clouds.yaml": {
    files: {
      "cwd/clouds.yaml": `clouds:\n  c:\n    auth:\n${password.replace("operator", "from-cwd")}\n`,
      "elsewhere/my.yaml": `clouds:\n  c:\n    auth:\n${password.replace("operator", "from-env-file")}\n`,
    },
    env: { OS_CLOUD: "c", OS_CLIENT_CONFIG_FILE: "ROOT/elsewhere/my.yaml" },
  },
  "./clouds.yaml before ~/.config/openstack before /etc/openstack; clouds.yml": {
    files: {
      "home/.config/openstack/clouds.yaml": `clouds:\n  c:\n    auth:\n${password.replace("operator", "from-home")}\n`,
      "etc/clouds.yaml": `clouds:\n  c:\n    auth:\n${password.replace("operator", "from-etc")}\n`,
      "cwd/clouds.yml": `clouds:\n  c:\n    auth:\n${password.replace("operator", "from-cwd-yml")}\n`,
    },
    env: { OS_CLOUD: "c" },
  },
  "application credential": {
    files: { "cwd/clouds.yaml": "clouds:\n  c:\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: https://k.example.com/v3\n      application_credential_id: 21dced0f\n      application_credential_secret: s\n    region_name: RegionOne\n" },
    env: { OS_CLOUD: "c" },
  },
  "anchors and merge keys (Huawei Cloud IAM, two projects)": {
    files: {
      "cwd/clouds.yaml": `clouds:
  hw-base: &base
    auth: &auth
      auth_url: https://iam.cn-north-4.myhuaweicloud.com/v3
      user_domain_name: my-account
      project_domain_name: my-account
      username: my-user
      password: pw
  hw:
    <<: *base
    auth:
      <<: *auth
      project_name: cn-north-4
    region_name: cn-north-4
`,
    },
    env: { OS_CLOUD: "hw" },
  },
  "regions: the first by default, a region's values": {
    files: { "cwd/clouds.yaml": `clouds:\n  c:\n    auth:\n${password}\n    regions:\n      - name: RegionOne\n        values:\n          interface: internal\n      - RegionTwo\n` },
    env: { OS_CLOUD: "c" },
  },
  "regions chosen by OS_REGION_NAME (as the openstack CLI)": {
    files: { "cwd/clouds.yaml": `clouds:\n  c:\n    auth:\n${password}\n    regions: [RegionOne, RegionTwo]\n` },
    env: { OS_CLOUD: "c", OS_REGION_NAME: "RegionTwo", OS_INTERFACE: "admin" },
  },
  "regions and region_name: region_name chooses here, openstacksdk takes the first": {
    files: { "cwd/clouds.yaml": `clouds:\n  c:\n    auth:\n${password}\n    region_name: RegionTwo\n    regions: [RegionOne, RegionTwo]\n` },
    env: { OS_CLOUD: "c" },
    differs: { region_name: ["RegionTwo", "RegionOne"] },
  },
  "OS_* variables alone": {
    files: {},
    env: {
      OS_AUTH_URL: "https://k.example.com/v3",
      OS_USERNAME: "admin",
      OS_PASSWORD: "pw",
      OS_USER_DOMAIN_ID: "default",
      OS_PROJECT_NAME: "admin",
      OS_PROJECT_DOMAIN_ID: "default",
      OS_REGION_NAME: "RegionOne",
      OS_INTERFACE: "internal",
    },
  },
  "OS_* variables, application credential without OS_AUTH_TYPE: inferred here, openstacksdk defaults to password": {
    files: {},
    env: { OS_AUTH_URL: "https://k.example.com/v3", OS_APPLICATION_CREDENTIAL_ID: "ac", OS_APPLICATION_CREDENTIAL_SECRET: "s" },
    // openstacksdk's password plugin then drops the application credential (and fails to authenticate).
    differs: { auth_type: ["v3applicationcredential", "password"], application_credential_id: ["ac", undefined] },
  },
};

describe("vpnaas-sdk/node resolves clouds.yaml, secure.yaml and OS_* as openstacksdk 4.5.0 does", () => {
  test.each(Object.entries(cases))("%s", (_label, { files, env = {}, differs = {} }) => {
    const root = mkdtempSync(join(tmpdir(), "vpnaas-osc-"));
    try {
      const [cwd, home, etc] = ["cwd", "home", "etc"].map((d) => join(root, d)) as [string, string, string];
      for (const d of [cwd, join(home, ".config", "openstack"), etc]) mkdirSync(d, { recursive: true });
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const environment = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace("ROOT", root)]));
      const theirs = JSON.parse(
        execFileSync(python, [join(__dirname, "helpers", "openstacksdk-resolve.py"), cwd, home, etc], { input: JSON.stringify(environment), encoding: "utf8" }),
      ) as Record<string, string | undefined>;
      expect(theirs.error).toBeUndefined();
      // keystoneAuth's catalog lookup defaults to the public interface, as openstacksdk's defaults do.
      const ours: Record<string, string | undefined> = { interface: "public", ...settingsFromEnvironment({ env: environment, cwd, home, systemConfigDir: etc }).resolved };
      for (const [key, [mine, openstacksdk]] of Object.entries(differs)) {
        expect([key, ours[key], theirs[key]]).toEqual([key, mine, openstacksdk]);
        delete ours[key];
        delete theirs[key];
      }
      expect(ours).toEqual(theirs);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
