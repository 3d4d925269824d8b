/**
 * Which Monaco language highlights a file (pure).
 *
 * @module
 */

const BY_EXTENSION: Record<string, string> = {
  sol: 'sol',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  // No JSON language service is loaded (its worker is large): JavaScript's tokenizer reads JSON well.
  json: 'javascript',
  md: 'markdown',
  yaml: 'yaml',
  yml: 'yaml',
}

/**
 * @example
 * languageOf('contracts/Counter.sol') // 'sol'
 * languageOf('notes.txt') // 'plaintext'
 */
export function languageOf(path: string): string {
  const dot = path.lastIndexOf('.')
  const ext = dot < 0 ? '' : path.slice(dot + 1).toLowerCase()
  return BY_EXTENSION[ext] ?? 'plaintext'
}

/** Files solc should see while typing. */
export function solidityFiles(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([p]) => p.endsWith('.sol')))
}
