// Lint for the whole workspace: typescript-eslint with type information, React hooks rules for the mini-program.
// Formatting is Prettier's job (see .prettierrc.json); eslint-config-prettier turns off the rules that would fight it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.tools/**',
      'tests/artifacts/**',
      'bff/data/**',
      'bff/src/db/migrations/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
      ],
      // Fastify route handlers and React event handlers may return promises; the frameworks await them.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } }
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Repositories are async by contract (a PostgreSQL implementation can take their place) while better-sqlite3
      // answers synchronously, and Fastify plugins are async functions by convention: an async function without
      // an await is the design here, not a slip.
      '@typescript-eslint/require-await': 'off'
    }
  },
  {
    // Tests read JSON answers (`res.json()` is `any`) and assert on their fields; typing every body there adds
    // nothing that the assertions do not already check.
    files: ['**/test/**/*.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off'
    }
  },
  {
    files: ['miniapp/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error'
    }
  },
  {
    // Plain JavaScript (scripts, build config) has no type information to lint with.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked
  },
  {
    files: ['**/*.cjs', 'miniapp/babel.config.js', 'miniapp/config/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
  },
  prettier
)
