import { describe, expect, it } from 'vitest'
import { dataFolder, dataFolderFor } from '../../../../app/cli/dataFolder.ts'

describe('dataFolderFor', () => {
  it('follows XDG on Linux', () => {
    expect(dataFolderFor({ platform: 'linux', env: {}, homedir: '/home/ada' })).toBe('/home/ada/.local/share/blockchain-playground')
    expect(dataFolderFor({ platform: 'linux', env: { XDG_DATA_HOME: '/data/ada' }, homedir: '/home/ada' })).toBe('/data/ada/blockchain-playground')
    // A relative XDG_DATA_HOME is invalid per the spec and ignored.
    expect(dataFolderFor({ platform: 'freebsd', env: { XDG_DATA_HOME: 'rel' }, homedir: '/home/ada' })).toBe('/home/ada/.local/share/blockchain-playground')
  })

  it('uses Application Support on macOS', () => {
    expect(dataFolderFor({ platform: 'darwin', env: { XDG_DATA_HOME: '/x' }, homedir: '/Users/ada' })).toBe('/Users/ada/Library/Application Support/Blockchain Playground')
  })

  it('uses %APPDATA% on Windows', () => {
    expect(dataFolderFor({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, homedir: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Roaming\\Blockchain Playground')
    expect(dataFolderFor({ platform: 'win32', env: {}, homedir: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Roaming\\Blockchain Playground')
  })

  it('PLAYGROUND_DATA_DIR overrides every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      expect(dataFolderFor({ platform, env: { PLAYGROUND_DATA_DIR: '/tmp/pg', APPDATA: 'x', XDG_DATA_HOME: '/y' }, homedir: '/h' })).toBe('/tmp/pg')
    }
    expect(dataFolder({ PLAYGROUND_DATA_DIR: '/tmp/pg2' })).toBe('/tmp/pg2')
  })
})
