// One format for the whole repository, checked in CI (`npm run format:check`).
// Imports are grouped: node built-ins, packages, then `@/` project paths, then relative ones.
const config = {
  printWidth: 120,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  importOrder: ["<BUILTIN_MODULES>", "", "<THIRD_PARTY_MODULES>", "", "^@/(.*)$", "", "^[.]"],
  importOrderTypeScriptVersion: "5.0.0",
};

export default config;
