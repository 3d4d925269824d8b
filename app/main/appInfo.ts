/**
 * What the renderer may know about the desktop host: names and versions, the platform, the
 * system's language (the default UI language, DESIGN.md "Languages").
 *
 * @module
 */
import type { App } from 'electron'
import type { AppInfo, Lang } from '../shared/ipc/ipcContract.ts'

/** 'ko' when the OS prefers Korean, else 'en'. */
export function systemLang(app: Pick<App, 'getPreferredSystemLanguages' | 'getLocale'>): Lang {
  const first = app.getPreferredSystemLanguages()[0] ?? app.getLocale()
  return first.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}

export interface AppInfoDeps {
  app: Pick<App, 'getName' | 'getVersion' | 'isPackaged' | 'getPreferredSystemLanguages' | 'getLocale'>
  /** `process.versions` and `process.platform` of main. */
  versions: { electron?: string | undefined; chrome?: string | undefined; node: string }
  platform: string
}

export function createAppInfo(deps: AppInfoDeps): () => AppInfo {
  return () => ({
    name: deps.app.getName(),
    version: deps.app.getVersion(),
    platform: deps.platform,
    versions: { electron: deps.versions.electron ?? '', chrome: deps.versions.chrome ?? '', node: deps.versions.node },
    lang: systemLang(deps.app),
    isPackaged: deps.app.isPackaged,
  })
}
