import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // The scan corpus is other people's code on purpose (SDK imports the project does not have).
  { ignores: ['dist/', 'action/dist/', 'node_modules/', 'coverage/', 'test/fixtures/scan/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', AbortController: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // esbuild keeps the whole namespace behind `import { z }` (every locale: 755 KB of the CLI's
      // bundle, ~40 ms of each start); behind `import * as z` it keeps only what is used.
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "import * as z from 'zod': the bundler cannot leave out what `{ z }` holds." },
      ],
    },
  },
);
