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
    },
  },
);
