// ESLint 9 flat config. Fast by design: typescript-eslint's recommended rules without type
// information, plus import rules that keep the architecture's boundaries (see DESIGN.md).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/**
 * Who may import whom. `scripts/`, `test/` and `bench/` are the composition root and may import
 * anything; everything else stays inside its own part.
 */
const boundaries = [
  {
    target: './subgraphs/cluster',
    from: ['./subgraphs/network', './gateway'],
    message: 'The cluster subgraph stands alone: share code through shared/.',
  },
  {
    target: './subgraphs/network',
    from: ['./subgraphs/cluster', './gateway'],
    message: 'The network subgraph stands alone: share code through shared/.',
  },
  {
    target: './shared',
    from: ['./gateway', './subgraphs'],
    message: 'shared/ is below every part and imports none of them.',
  },
  {
    target: './gateway',
    from: ['./subgraphs'],
    message: 'The gateway reaches subgraphs over HTTP only, never by import.',
  },
];

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'scratch/', 'data/', 'coverage/', 'test-output/']),
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    settings: {
      // Without these, import-x cannot parse the .ts files it follows (no-cycle would see nothing).
      'import-x/extensions': ['.ts', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-default-export': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaries }],
    },
  },
  {
    // The pages: browser code, built by Vite; they reach the network through its HTTP API only.
    files: ['web/**/*.tsx', 'web/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { window: 'readonly', document: 'readonly', sessionStorage: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/subgraphs/**', '**/gateway/src/*', '!**/gateway/src/persisted-queries'], message: 'Pages use the gateway over HTTP; only the operation catalogs are shared.' }] }],
    },
  },
  {
    // Tools that look for a default export.
    files: ['jest.config.ts', '**/*.config.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
);
