/**
 * The user's data folder: where progress and settings live, following each OS's convention so
 * backups and "reset app data" tools find it. `PLAYGROUND_DATA_DIR` overrides it (portable
 * installs, classrooms with a shared drive, tests).
 *
 * | OS | Folder |
 * |---|---|
 * | Linux (and other Unix) | `$XDG_DATA_HOME/blockchain-playground`, default `~/.local/share/blockchain-playground` |
 * | macOS | `~/Library/Application Support/Blockchain Playground` |
 * | Windows | `%APPDATA%\Blockchain Playground`, default `~\AppData\Roaming\Blockchain Playground` |
 *
 * @module
 */
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

export interface DataFolderContext {
  platform: string
  env: Record<string, string | undefined>
  homedir: string
}

/**
 * A pure function of the platform, the environment and the home folder.
 *
 * @example
 * dataFolderFor({ platform: 'linux', env: {}, homedir: '/home/ada' }) // '/home/ada/.local/share/blockchain-playground'
 * dataFolderFor({ platform: 'darwin', env: {}, homedir: '/Users/ada' }) // '/Users/ada/Library/Application Support/Blockchain Playground'
 */
export function dataFolderFor({ platform, env, homedir: home }: DataFolderContext): string {
  const override = env.PLAYGROUND_DATA_DIR
  if (override) return override
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Blockchain Playground')
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Blockchain Playground')
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME
  const base = xdg && xdg.startsWith('/') ? xdg : posix.join(home, '.local', 'share')
  return posix.join(base, 'blockchain-playground')
}

/**
 * The data folder of the current user on this machine.
 *
 * @example
 * const storage = createNodeStorage({ root: dataFolder() })
 */
export function dataFolder(env: Record<string, string | undefined> = process.env): string {
  return dataFolderFor({ platform: process.platform, env, homedir: homedir() })
}
