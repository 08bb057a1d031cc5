import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// Next's configs bring @next/next, react, react-hooks, jsx-a11y and
// typescript-eslint; Prettier owns formatting, so its config turns the
// stylistic rules off.
export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away, an unused handler argument).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    // Where requests are served: an error is either expected (a typed ExpectedError, caught by
    // the wrappers) or logged with the request id; a catch that cannot name what it caught hides bugs.
    files: ["app/**", "lib/server/**", "lib/access/**", "lib/auth/**", "lib/**/actions.ts", "lib/**/*-actions.ts", "proxy.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CatchClause[param=null]",
          message: "Name the error and handle it (rethrow what you do not expect): no bare catch {} where requests are served.",
        },
      ],
    },
  },
  {
    // Playwright fixtures call their `use` argument; it is not React's `use`.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".data/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "coverage/**",
  ]),
]);
