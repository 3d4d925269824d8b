import { describe, expect, it, vi } from 'vitest'
import { checkExternalURL, confirmDialogOptions, createOpenExternal } from '../../../app/main/openExternal.ts'
import { IpcRequestError } from '../../../app/shared/ipc/ipcErrors.ts'

function setup(answer: number, window: unknown = undefined) {
  const shell = { openExternal: vi.fn(async (_url: string) => undefined) }
  const dialog = { showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: answer, checkboxChecked: false })) }
  const open = createOpenExternal({ shell, dialog, getWindow: () => window as never, defaultLang: () => 'ko' })
  return { shell, dialog, open }
}

describe('openExternal', () => {
  it('refuses http:, file:, javascript:, data:, custom schemes, credentials and garbage without asking', async () => {
    const { shell, dialog, open } = setup(1)
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'app://playground/index.html',
      'ms-settings:display',
      'smb://host/share',
      'https://user:pass@example.com/',
      'https://user@example.com/',
      'https://',
      'example.com',
      '',
    ]) {
      await expect(open({ url }), url).rejects.toBeInstanceOf(IpcRequestError)
      await expect(open({ url }), url).rejects.toMatchObject({ code: 'ipc.external-url-refused' })
    }
    expect(dialog.showMessageBox).not.toHaveBeenCalled()
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('asks before https and opens only when the user picks Open', async () => {
    const yes = setup(1)
    expect(await yes.open({ url: 'https://ethereum.org/ko/' })).toEqual({ opened: true })
    expect(yes.dialog.showMessageBox).toHaveBeenCalledOnce()
    expect(yes.shell.openExternal).toHaveBeenCalledWith('https://ethereum.org/ko/')
    expect(yes.dialog.showMessageBox.mock.invocationCallOrder[0]).toBeLessThan(yes.shell.openExternal.mock.invocationCallOrder[0] ?? 0)

    const no = setup(0)
    expect(await no.open({ url: 'https://ethereum.org/' })).toEqual({ opened: false })
    expect(no.shell.openExternal).not.toHaveBeenCalled()
  })

  it('shows the exact (normalised) address, in the app language, Cancel by default', async () => {
    const { dialog, open } = setup(0)
    await open({ url: 'HTTPS://Ethereum.ORG/a b' })
    const options = dialog.showMessageBox.mock.calls[0]?.[0] as unknown as { detail: string; buttons: string[]; defaultId: number; cancelId: number; message: string }
    expect(options.detail).toContain('https://ethereum.org/a%20b')
    expect(options.buttons).toEqual(['취소', '열기'])
    expect(options.defaultId).toBe(0)
    expect(options.cancelId).toBe(0)
    await open({ url: 'https://ethereum.org/', lang: 'en' })
    const en = dialog.showMessageBox.mock.calls[1]?.[0] as unknown as { buttons: string[] }
    expect(en.buttons).toEqual(['Cancel', 'Open'])
  })

  it('makes the dialog modal to the window when there is one', async () => {
    const window = { id: 1 }
    const { dialog, open } = setup(0, window)
    await open({ url: 'https://ethereum.org/' })
    expect(dialog.showMessageBox.mock.calls[0]?.[0]).toBe(window)
  })

  it('checkExternalURL and confirmDialogOptions', () => {
    expect(checkExternalURL('https://a.b/c?d#e').href).toBe('https://a.b/c?d#e')
    expect(confirmDialogOptions('https://a.b/', 'en')).toMatchObject({ type: 'question', noLink: true, buttons: ['Cancel', 'Open'] })
  })
})
