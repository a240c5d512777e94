import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import testingLibrary from 'eslint-plugin-testing-library';
import playwright from 'eslint-plugin-playwright';
import globals from 'globals';
import { boundariesPlugin } from './eslint-rules/import-boundaries.js';

/**
 * What the first screen (connection, unlock, shell) loads. These use zod's tree-shakable build
 * through `src/lib/zod-mini.ts`; full `zod` costs ~25 KB gzip of initial JS (bench budget 150 KB).
 * Lazy pages (backup-config, tasks) may use full `zod`. A module moved onto the first screen is
 * added here.
 */
const FIRST_SCREEN = [
  'src/main.tsx',
  'src/app/**',
  'src/lib/**',
  'src/components/**',
  'src/config/**',
  'src/features/connection/**',
  'src/features/clusters/**',
  'src/features/embed/**',
];

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage', 'bench/out'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Numbers read fine in a message; the rule is kept for what does not (undefined, objects).
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowNumber: true,
          allowAny: false,
          allowBoolean: false,
          allowNullish: false,
          allowRegExp: false,
          allowNever: false,
        },
      ],
      // `onClick={() => setOpen(true)}` and `return retry()` in a void function are idioms; a void
      // used as a value still fails.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
      // `value || fallback` on a string deliberately treats '' as absent (env, query, obshell's fields).
      '@typescript-eslint/prefer-nullish-coalescing': [
        'error',
        { ignorePrimitives: { string: true } },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { local: boundariesPlugin },
    rules: { 'local/import-boundaries': 'error' },
  },
  {
    files: FIRST_SCREEN,
    ignores: ['src/**/*.test.{ts,tsx}', 'src/lib/zod-mini.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/v4', 'zod/v4/classic'].map((name) => ({
            name,
            allowTypeImports: true,
            message:
              "First-screen module: import { z } from 'src/lib/zod-mini' (full zod is ~25 KB gzip).",
          })),
          patterns: [
            {
              regex: '^zod/(v4/)?mini$',
              allowTypeImports: true,
              message:
                "Import { z } from 'src/lib/zod-mini': it sets the English locale zod/mini lacks.",
            },
          ],
        },
      ],
    },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['src/**/*.test.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    // A test asserts the value exists first; a `!` after that is the test's own claim, and a wrong
    // one fails the test at once.
    files: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Unit test files share a module registry (vitest.config.ts); replacing a module would leak
    // into the files that run after, so only `*.isolated.*` files may.
    files: ['**/*.test.{ts,tsx}'],
    ignores: ['**/*.isolated.*'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock|unmock|doUnmock)$/]",
          message:
            'Module mocks leak between unit test files (isolate: false); name this file *.isolated.test.ts(x).',
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    // `devTest` (e2e/fixtures.ts) is a Playwright test function like `test`.
    settings: { playwright: { globalAliases: { test: ['devTest'] } } },
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      // Fixtures destructure `{}` by Playwright's own convention.
      'no-empty-pattern': 'off',
    },
  },
);
