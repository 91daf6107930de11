import { OptionDefaults } from "typedoc";

/** `npm run docs`: the API reference from the TSDoc comments, into docs/api/. */
export default {
  entryPoints: ["src/index.ts", "src/node.ts"],
  out: "docs/api",
  name: "vpnaas-sdk",
  readme: "README.md",
  excludePrivate: true,
  excludeInternal: true,
  // openapi-typescript writes @description and @enum in generated/openapi.ts.
  blockTags: [...OptionDefaults.blockTags, "@description", "@enum"],
  validation: { notExported: false },
  // No public repository URL yet: link nothing rather than link wrongly.
  disableSources: true,
};
