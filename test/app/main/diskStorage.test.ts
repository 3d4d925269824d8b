import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'

/** The module body after its header comment. */
function body(source: string): string {
  return source.slice(source.indexOf('import * as fsPromises'))
}

describe('app/main/storage/diskStorage.ts', () => {
  it('stays in step with app/cli/storage/nodeStorage.ts (same algorithm, renamed)', async () => {
    const main = await readFile(new URL('../../../app/main/storage/diskStorage.ts', import.meta.url), 'utf8')
    const cli = await readFile(new URL('../../../app/cli/storage/nodeStorage.ts', import.meta.url), 'utf8')
    const renamed = body(cli).replaceAll('NodeStorageFs', 'DiskStorageFs').replaceAll('NodeStorageOptions', 'DiskStorageOptions').replaceAll('createNodeStorage', 'createDiskStorage')
    expect(body(main)).toBe(renamed)
  })
})
