import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, createMainWindow, denyAllPermissions, guardNavigation, isAppURL, mainWindowOptions } from '../../../app/main/mainWindow.ts'
import { fakeBrowserWindowClass, fakeSession, fakeWebContents } from './electronFakes.ts'

describe('main window options', () => {
  it('sets every security-relevant web preference explicitly', () => {
    expect(mainWindowOptions('/dist/preload/preload.cjs')).toEqual({
      width: 1280,
      height: 800,
      minWidth: 800,
      minHeight: 560,
      title: 'Blockchain Playground',
      show: false,
      webPreferences: {
        preload: '/dist/preload/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
      },
    })
  })

  it('has no blink features, no devtools switch, no partition override', () => {
    const prefs = mainWindowOptions('/p.cjs').webPreferences ?? {}
    for (const key of ['enableBlinkFeatures', 'disableBlinkFeatures', 'partition', 'additionalArguments', 'devTools']) {
      expect(prefs, key).not.toHaveProperty(key)
    }
  })
})

describe('isAppURL', () => {
  it('accepts only app://playground/, parsed', () => {
    expect(isAppURL('app://playground/index.html')).toBe(true)
    expect(isAppURL('app://playground/lesson/1#x')).toBe(true)
    for (const url of ['app://evil/', 'app://playground.evil.com/', 'app://user@playground/', 'https://playground/', 'file:///index.html', 'javascript:alert(1)', 'not a url', '']) {
      expect(isAppURL(url), url).toBe(false)
    }
  })
})

describe('navigation guard', () => {
  it('prevents navigation and redirects away from the app, allows the app itself', () => {
    const contents = fakeWebContents()
    guardNavigation(contents)
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(contents.emitNavigation(event, 'https://evil.example/'), event).toBe(true)
      expect(contents.emitNavigation(event, 'file:///etc/passwd'), event).toBe(true)
      expect(contents.emitNavigation(event, 'app://other/'), event).toBe(true)
      expect(contents.emitNavigation(event, 'app://playground/index.html'), event).toBe(false)
    }
  })

  it('refuses every <webview> attach', () => {
    const contents = fakeWebContents()
    guardNavigation(contents)
    expect(contents.emitNavigation('will-attach-webview', 'app://playground/')).toBe(true)
  })

  it('denies every new window, even to the app or https', () => {
    const contents = fakeWebContents()
    guardNavigation(contents)
    for (const url of ['https://ethereum.org/', 'app://playground/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
  })
})

describe('permissions', () => {
  it('denies every request, check and device', () => {
    const session = fakeSession()
    denyAllPermissions(session)
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'fullscreen', 'unknown']) {
      let granted: boolean | undefined
      session.requestHandler?.({}, permission, (answer: boolean) => (granted = answer), {})
      expect(granted, permission).toBe(false)
      expect(session.checkHandler?.(null, permission, 'app://playground', {}), permission).toBe(false)
    }
    expect(session.deviceHandler?.({ deviceType: 'hid', origin: 'app://playground' })).toBe(false)
  })
})

describe('createMainWindow', () => {
  it('builds the window with those options, guards it, denies permissions, loads app://', async () => {
    const { FakeBrowserWindow, instances } = fakeBrowserWindowClass()
    const { window, loaded } = createMainWindow({ BrowserWindow: FakeBrowserWindow, preload: '/dist/preload/preload.cjs' })
    await loaded
    expect(instances).toHaveLength(1)
    expect(window.options).toEqual(mainWindowOptions('/dist/preload/preload.cjs'))
    expect(window.loadedURL).toBe('app://playground/index.html')
    expect(APP_ENTRY_URL).toBe('app://playground/index.html')
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalledOnce()
    expect([...window.webContents.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'])
    expect(window.webContents.session.setPermissionRequestHandler).toHaveBeenCalledOnce()
    expect(window.webContents.session.setPermissionCheckHandler).toHaveBeenCalledOnce()
    expect(window.shown).toBe(false)
    window.onceListeners.get('ready-to-show')?.()
    expect(window.shown).toBe(true)
  })
})
