// The lint (`npm run lint`): habits a reviewer should not have to check by eye. Layout (quotes,
// indents, where lines break) is Prettier's job (`npm run format`); the ReDoS check has its own
// config (eslint.regex.config.mjs). TypeScript files are linted with type information from
// tsconfig.test.json, which covers src/, test/, examples/ and bench/ .ts files; plain .mjs files
// (bench, scripts, examples) get the rules that need no types.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Rules that read only the syntax: they run on every file. */
const syntaxRules = {
  // Unused code: an unused import, local, function or parameter (a leading _ marks one kept on
  // purpose, e.g. a callback's first argument). Exported names are the API report's business.
  '@typescript-eslint/no-unused-vars': [
    'error',
    { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
  ],
  'no-unused-private-class-members': 'error',
  '@typescript-eslint/no-unused-expressions': 'error',
  'no-unreachable': 'error',
  // Code lines at most 160 characters (Prettier breaks code at the same width). Strings, template
  // literals, URLs and regex literals may run longer: a message split over lines can no longer be
  // found by searching for its text, and a URL or a regex broken in two is harder to read.
  'max-len': ['error', { code: 160, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
};

/** Rules that need TypeScript's types or syntax: .ts files only. */
const typeRules = {
  // Type-only imports say so, as one `import type { ... }` (verbatimModuleSyntax then drops them
  // from the output; an inline `import { type A }` would leave an empty import behind).
  '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
  '@typescript-eslint/no-import-type-side-effects': 'error',
  '@typescript-eslint/consistent-type-exports': 'error',
  // A promise is awaited, returned or handed on: a forgotten one loses its error and its ordering.
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/await-thenable': 'error',
  // `unknown` and a check, not `any`.
  '@typescript-eslint/no-explicit-any': 'error',
};

export default defineConfig(
  {
    ignores: ['dist/**', 'coverage/**', 'docs/api/**', '.tmp/**', 'test-artifacts/**', 'node_modules/**', 'api-report/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: syntaxRules,
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { ...syntaxRules, ...typeRules },
  },
  {
    // The indicator contract's `any` defaults let `Indicator` and `AnyIndicator` name an indicator
    // of any options; `unknown` would refuse most. Not an inline comment: the ReDoS check refuses
    // inline configuration in src/. (The second name is the folder's planned name.)
    files: ['src/indicator/types.ts', 'src/contract/types.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
