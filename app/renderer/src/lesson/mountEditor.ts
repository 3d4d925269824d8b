/**
 * Loads Monaco (a separate chunk: only lesson pages pay for it) and mounts an editor controller
 * into an element, following the app's theme. Used by EditorPane.vue.
 *
 * @module
 */
import type { WatchStopHandle } from 'vue'
import { watch } from 'vue'
import { useAppStore } from '../stores/app.ts'
import type { EditorController } from './editorController.ts'

export interface MountedEditor {
  controller: EditorController
  /** Milliseconds from the call to the editor being ready. */
  ms: number
  dispose(): void
}

/**
 * @example
 * const { controller } = await mountEditor(element, { uriPrefix: 'hash-functions', onChange })
 */
export async function mountEditor(
  element: HTMLElement,
  options: {
    uriPrefix: string
    readOnly?: boolean | undefined
    ariaLabel?: string | undefined
    onChange?: ((path: string, text: string) => void) | undefined
    onSubmit?: (() => void) | undefined
  },
): Promise<MountedEditor> {
  const started = performance.now()
  const [{ setupMonaco }, { createEditorController }] = await Promise.all([import('./monacoSetup.ts'), import('./editorController.ts')])
  const app = useAppStore()
  const controller = createEditorController(setupMonaco(), element, { ...options, theme: app.theme })
  const stop: WatchStopHandle = watch(
    () => app.theme,
    (theme) => controller.setTheme(theme),
  )
  return {
    controller,
    ms: performance.now() - started,
    dispose() {
      stop()
      controller.dispose()
    },
  }
}
