// Lint for the extension and the project's scripts: undefined names and unused
// variables (a call to a removed function must fail the build, not a browser
// test). Style is left to review; this only catches mistakes.
import globals from "globals";

export default [
  {
    files: ["extension/**/*.js", "extension/**/*.mjs"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: {
        ...globals.browser,
        ...globals.webextensions,
        __SOTORKO_TEST_HOOKS__: "readonly",
      },
    },
    rules: {
      "no-undef": "error",
      "no-unused-vars": ["error", { args: "none", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["extension/**/*.test.mjs", "scripts/**/*.mjs", "tests/**/*.mjs", "deploy/**/*.mjs"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser, ...globals.webextensions },
    },
    rules: {
      "no-undef": "error",
    },
  },
];
