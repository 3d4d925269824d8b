/**
 * Names of files a learner adds to their project: a relative path of letters, digits, '-', '_'
 * and '.', folders with '/', ending in a kind the editor and the tools know (.sol, .ts, .js,
 * .json, .md, .yaml). Checked here with a message in both languages, and again by the workspace
 * library (storage paths).
 *
 * @module
 */

const EXTENSIONS = ['.sol', '.ts', '.js', '.json', '.md', '.yaml', '.yml'] as const

/** Why a name cannot be used, in both languages; undefined when it can. */
export function projectFileNameProblem(name: string, existing: readonly string[]): { ko: string; en: string } | undefined {
  const kinds = EXTENSIONS.join(', ')
  if (name.trim() === '') return { ko: '파일 이름을 쓰세요. 예: MyToken.sol', en: 'Type a file name, e.g. MyToken.sol' }
  if (name.length > 120) return { ko: '파일 이름이 너무 깁니다(120자까지).', en: 'The file name is too long (120 characters at most).' }
  if (!/^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/.test(name) || name.split('/').some((part) => part === '..' || part === '.git')) {
    return {
      ko: `"${name}"은(는) 쓸 수 없는 이름입니다. 영문자, 숫자, -, _, .만 쓰고 폴더는 /로 나누세요(.., .git 불가).`,
      en: `"${name}" cannot be used: use letters, digits, -, _ and ., with / between folders (no .., no .git).`,
    }
  }
  if (!EXTENSIONS.some((ext) => name.endsWith(ext))) {
    return { ko: `파일 종류는 ${kinds} 중 하나여야 합니다.`, en: `The file must end in one of ${kinds}.` }
  }
  if (existing.includes(name)) return { ko: `${name}은(는) 이미 있습니다.`, en: `${name} already exists.` }
  return undefined
}

/**
 * What a new file starts with: a contract named after a .sol file, empty otherwise.
 *
 * @example
 * newFileText('MyToken.sol') // '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n\ncontract MyToken {\n}\n'
 */
export function newFileText(name: string): string {
  if (!name.endsWith('.sol')) return ''
  const base = name.slice(name.lastIndexOf('/') + 1, -'.sol'.length).replace(/[^A-Za-z0-9_]/g, '_')
  const contract = /^[A-Za-z_]/.test(base) ? base : `C_${base}`
  return `// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n\ncontract ${contract} {\n}\n`
}
