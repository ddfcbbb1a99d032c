// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { noFileCycles } from './eslint-rules/no-file-cycles.js';


/**
 * The layers of src/, lowest first (docs/architecture.md): a folder may import only from the
 * layers below it, type imports included. `ui` may be used by anything above core and uses only
 * core.
 */
const LAYERS = [
  ['core'],
  ['ui'],
  ['sync', 'files', 'register'],
  ['canvas'],
  ['boards'],
  ['present', 'export', 'history'],
  ['app'],
];
/** Peers that must not import each other either: export comes before present (a deck's PDF). */
/** @type {Record<string, string[]>} */
const PEER_BANS = { export: ['present'], history: ['present', 'export'] };

/** One lint block per folder of src/ forbidding imports from the layers above it. */
function layerRules() {
  return LAYERS.flatMap((layer, index) =>
    layer
      .filter((folder) => folder !== 'core')
      .map((folder) => {
        const above = LAYERS.slice(index + 1).flat();
        const banned = [...above, ...(PEER_BANS[folder] ?? [])];
        return {
          files: [`src/${folder}/**/*.{ts,tsx}`],
          rules: {
            'no-restricted-imports': banned.length
              ? [
                  'error',
                  {
                    patterns: banned.map((name) => ({
                      group: [`**/${name}/**`, `../${name}/*`, `../../${name}/*`],
                      allowTypeImports: false,
                      message: `src/${folder}/ is below src/${name}/ (docs/architecture.md): invert the dependency or move the contract down.`,
                    })),
                  },
                ]
              : 'off',
          },
        };
      }),
  );
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-server/**', 'data/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: {
      'react-hooks': reactHooks,
      'import-x': importX,
      caseboard: { rules: { 'no-file-cycles': noFileCycles } },
    },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] }),
      ],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'import-x/no-cycle': 'error',
      'caseboard/no-file-cycles': 'error',
    },
  },
  {
    // The case document is pure TypeScript shared with the server: no React, no DOM, no app code.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                '@xyflow/*',
                'zustand',
                'i18next',
                'react-i18next',
              ],
              message: 'core/ must stay free of UI code.',
            },
            {
              // From core/commands, ../interop and ../scene are still core; from core/commands/mindmap, ../../ is.
              group: [
                '../*/**',
                '!../core/**',
                '!../interop/**',
                '!../scene/**',
                '!../../*.ts',
                '!../../interop',
                '!../../interop/**',
              ],
              message: 'core/ imports nothing from the rest of src/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The server may use core/ but never the browser app.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/app/**',
                '**/src/ui/**',
                '**/src/sync/**',
                '**/src/state/**',
                'react',
                'react-dom',
              ],
              message: 'The server shares only src/core/ with the page.',
            },
          ],
        },
      ],
    },
  },
  ...layerRules(),
);
