// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import { roomImportsRule } from './tools/eslint/roomImports.js'

const root = import.meta.dirname

// !!! Do not relax these rules !!! They keep runtime/ deterministic and portable (Node, browser
// worker, sandbox) and keep each room to the imports ARCHITECTURE.md allows.
const runtimeDeterminism = {
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'No timers in runtime/: schedule a simulated event instead.' },
    { name: 'setInterval', message: 'No timers in runtime/: schedule a simulated event instead.' },
    { name: 'setImmediate', message: 'No timers in runtime/: schedule a simulated event instead.' },
    { name: 'clearTimeout', message: 'No timers in runtime/.' },
    { name: 'clearInterval', message: 'No timers in runtime/.' },
    { name: 'performance', message: 'No wall clock in runtime/: use the simulated clock.' },
    { name: 'process', message: 'No Node globals in runtime/ (only *.node.ts).' },
    { name: 'Buffer', message: 'Use Uint8Array in runtime/.' },
    { name: 'window', message: 'No DOM in runtime/.' },
    { name: 'document', message: 'No DOM in runtime/.' },
    { name: 'crypto', message: 'Use @noble/* (deterministic, audited) in runtime/.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'No wall clock in runtime/: use the simulated clock.' },
    { object: 'Math', property: 'random', message: 'No Math.random in runtime/: use a seeded PRNG stream.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date']", message: 'No wall clock in runtime/.' },
    { selector: "CallExpression[callee.name='Date']", message: 'No wall clock in runtime/ (Date() is the current time).' },
    {
      selector: "MemberExpression[object.name='globalThis'][property.name=/^(Date|performance|setTimeout|setInterval|setImmediate|clearTimeout|clearInterval|process|Buffer|window|document|crypto)$/]",
      message: 'No wall clock, timers or host globals through globalThis in runtime/.',
    },
  ],
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local: { rules: { 'room-imports': roomImportsRule } } },
    rules: {
      'local/room-imports': ['error', { root }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['runtime/**/*.ts'],
    ignores: ['runtime/**/*.node.ts'],
    rules: runtimeDeterminism,
  },
  {
    files: ['runtime/**/*.node.ts'],
    rules: {
      // *.node.ts files are host edges (the JSON-RPC server paces simulated time against the wall
      // clock), so Node, timers and the clock are allowed; Math.random is not: randomness that
      // reaches the simulation must come from a seeded stream.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'No Math.random in runtime/: use a seeded PRNG stream.' },
      ],
    },
  },
  {
    // Starters and wrong answers are unfinished or mistaken on purpose (a TODO leaves a parameter
    // unused); the lint of the rest of the lesson still applies.
    files: ['courses/tracks/**/starter/**', 'courses/tracks/**/wrong/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    files: ['bin/**/*.js', 'tools/**/*.js', '.ci/**/*.js', '*.js', '*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
