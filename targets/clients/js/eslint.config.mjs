// eslint flat config for the driver: the recommended rules, Node globals.
import js from "@eslint/js";

export default [
  js.configs.recommended,
  {
    files: ["**/*.mjs"],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      globals: { process: "readonly", console: "readonly", URL: "readonly", URLSearchParams: "readonly" },
    },
    rules: {
      "no-unused-vars": ["error", { caughtErrors: "all" }],
      eqeqeq: "error",
      "prefer-const": "error",
    },
  },
];
