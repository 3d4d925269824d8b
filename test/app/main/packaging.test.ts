import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = new URL('../../../', import.meta.url)

describe('electron-builder.yml', () => {
  it('points at the compiled main entry and ships dist/', async () => {
    const config = parse(await readFile(new URL('electron-builder.yml', root), 'utf8')) as Record<string, unknown>
    expect(config.extraMetadata).toEqual({ main: 'dist/app/main/main.js' })
    expect(config.files).toContain('dist/**')
    expect(config.files).toContain('package.json')
    expect(config.asar).toBe(true)
    expect(Object.keys(config).filter((k) => ['linux', 'win', 'mac'].includes(k)).sort()).toEqual(['linux', 'mac', 'win'])
  })

  it('main.ts compiles to that entry (tsconfig rootDir/outDir)', async () => {
    const tsconfig = await readFile(new URL('app/main/tsconfig.json', root), 'utf8')
    expect(tsconfig).toContain('"rootDir": "../.."')
    expect(tsconfig).toContain('"outDir": "../../dist"')
  })
})
