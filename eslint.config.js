// Lint enforces the dependency rules of DESIGN.md §3: a wrong import fails the build, not a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layers = ['domain', 'protocol', 'crypto', 'bundle', 'store', 'sync', 'platform', 'ui', 'sw', 'app', 'relay', 'coordinator', 'cli'];

/** What each layer of src/ may import from other layers (DESIGN.md §3). */
const allowed = {
  domain: [],
  protocol: [],
  crypto: [],
  platform: [],
  bundle: ['domain', 'protocol', 'crypto'],
  store: ['domain', 'crypto'],
  sync: ['store', 'bundle', 'protocol', 'platform', 'domain'],
  ui: ['domain', 'store', 'sync', 'platform'],
  sw: [],
  app: ['domain', 'protocol', 'crypto', 'bundle', 'store', 'sync', 'platform', 'ui', 'sw', 'coordinator'],
  relay: ['protocol'],
  coordinator: ['bundle', 'crypto', 'protocol', 'domain', 'store'],
  cli: ['relay', 'coordinator', 'protocol'],
};

/** Third-party packages that only one layer may import. */
const ownedPackages = {
  tweetnacl: 'crypto',
  'hash-wasm': 'crypto',
  '@noble/hashes': 'crypto',
  dexie: 'store',
  'better-sqlite3': 'relay',
  fastify: 'relay',
};

function rulesFor(layer) {
  const forbiddenLayers = layers.filter((other) => other !== layer && !allowed[layer].includes(other));
  // Matches relative imports that climb out of this layer into src/<other> (e.g. '../crypto/x',
  // '../../store/y'), not a sub-folder that happens to share a layer's name (e.g. 'locales/en/app').
  const patterns = forbiddenLayers.map((other) => ({
    regex: `^(\\.\\./)+${other}(/|$)`,
    message: `src/${layer} may not import src/${other} (DESIGN.md §3).`,
  }));
  const paths = Object.entries(ownedPackages)
    .filter(([, owner]) => owner !== layer)
    .map(([name, owner]) => ({ name, message: `${name} is imported only in src/${owner} (DESIGN.md §3).` }));
  const packagePatterns = Object.entries(ownedPackages)
    .filter(([, owner]) => owner !== layer)
    .map(([name, owner]) => ({ group: [`${name}/*`], message: `${name} is imported only in src/${owner} (DESIGN.md §3).` }));
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { paths, patterns: [...patterns, ...packagePatterns] }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'data/**', 'coverage/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...layers.map(rulesFor),
  {
    // Node-side code and tooling may print.
    files: ['src/cli/**', 'src/relay/**', 'bench/**', 'tests/**', 'bin/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
