// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { noFileCycles } from './eslint-rules/no-file-cycles.js';

/**
 * The layers of src/, lowest first (docs/architecture.md): a folder may import only from the
 * layers below it, type imports included. `ui` may be used by anything above core and uses only
 * core.
 */
const LAYERS = [
  ['core'],
  ['render'],
  ['ui'],
  ['sync', 'files', 'register'],
  ['canvas'],
  ['boards'],
  ['present', 'export', 'history', 'deadlines', 'checklist', 'review', 'statements'],
  ['app'],
];
/** Peers that must not import each other either: export comes before present (a deck's PDF). */
/** @type {Record<string, string[]>} */
const PEER_BANS = { export: ['present'], history: ['present', 'export'] };

/**
 * The board kinds' folders (src/boards/<kind>/). A kind imports only its own folder, the shared
 * chart code of `boards/graph` (evidence and relationship draw with it, the timeline reads its
 * queries), `boards/types.ts` and the layers below; what two kinds share goes down a layer.
 */
const BOARD_KINDS = readdirSync(new URL('./src/boards/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const SHARED_BOARD_FOLDERS = ['graph'];

/**
 * The patterns a kind's folder may not import: other kinds, and boards/ files but types.ts.
 * @param {string} kind
 */
function kindBans(kind) {
  const others = BOARD_KINDS.filter((k) => k !== kind && !SHARED_BOARD_FOLDERS.includes(k));
  return [
    ...others.map((other) => ({
      group: [`../${other}/*`, `../${other}/**`, `**/boards/${other}/**`],
      allowTypeImports: false,
      message: `src/boards/${kind}/ may not import the ${other} kind: move what they share to src/core/ or a lower layer.`,
    })),
    {
      group: ['../*.ts', '../*.tsx', '!../types.ts'],
      allowTypeImports: false,
      message: `src/boards/${kind}/ imports only boards/types.ts of src/boards/ (the registry and the switch are above the kinds).`,
    },
  ];
}

/**
 * The patterns of the layers above `folder` (and of its banned peers).
 * @param {string} folder
 * @param {number} index its layer's place in LAYERS
 */
function layerBans(folder, index) {
  const above = LAYERS.slice(index + 1).flat();
  const banned = [...above, ...(PEER_BANS[folder] ?? [])];
  return banned.map((name) => ({
    group: [`**/${name}/**`, `../${name}/*`, `../../${name}/*`],
    allowTypeImports: false,
    message: `src/${folder}/ is below src/${name}/ (docs/architecture.md): invert the dependency or move the contract down.`,
  }));
}

/**
 * One lint block per board kind: the layer bans of boards/ and the kind's own (one block, as a
 * later block's options for the same rule replace an earlier one's).
 */
function boardKindRules() {
  const index = LAYERS.findIndex((layer) => layer.includes('boards'));
  return BOARD_KINDS.map((kind) => ({
    files: [`src/boards/${kind}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...layerBans('boards', index), ...kindBans(kind)] },
      ],
    },
  }));
}

/** One lint block per folder of src/ forbidding imports from the layers above it. */
function layerRules() {
  return LAYERS.flatMap((layer, index) =>
    layer
      .filter((folder) => folder !== 'core')
      .map((folder) => {
        const patterns = layerBans(folder, index);
        return {
          files: [`src/${folder}/**/*.{ts,tsx}`],
          rules: {
            'no-restricted-imports': patterns.length ? ['error', { patterns }] : 'off',
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
              // From core/commands, ../interop and ../scene are still core; from core/commands/mindmap, ../../ is;
              // from core/checklist and core/procedure, ../commands is.
              group: [
                '../*/**',
                '!../core/**',
                '!../interop/**',
                '!../scene/**',
                '!../commands/**',
                '!../checklist/**',
                '!../procedure/**',
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
  ...boardKindRules(),
);
