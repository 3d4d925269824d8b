/**
 * The history panel's state and actions, kept out of the single-file component so tsc checks it:
 * the versions of a workspace (newest first), the selected one compared with the learner's current
 * files, and restoring it. Restoring never destroys the present: the workspace library commits
 * unsaved changes first and then commits the restored files as a new version.
 *
 * @module
 */
import type { Ref, ShallowRef } from 'vue'
import { ref, shallowRef } from 'vue'
import type { FileChange, WorkspaceVersion } from '../../../shared/workspace/workspace.ts'
import type { HostWorkspace } from '../host/host.ts'

export interface HistoryPanelState {
  versions: ShallowRef<WorkspaceVersion[]>
  selected: Ref<string | undefined>
  changes: ShallowRef<FileChange[] | undefined>
  busy: Ref<boolean>
  error: Ref<string | undefined>
  refresh(): Promise<void>
  select(oid: string): Promise<void>
  restore(oid: string): Promise<WorkspaceVersion | undefined>
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * @example
 * const state = createHistoryPanelState(() => workspace)
 * await state.refresh()
 * await state.select(state.versions.value[1].oid) // state.changes: that version → now
 */
export function createHistoryPanelState(workspace: () => HostWorkspace | undefined): HistoryPanelState {
  const versions = shallowRef<WorkspaceVersion[]>([])
  const selected = ref<string | undefined>()
  const changes = shallowRef<FileChange[] | undefined>()
  const busy = ref(false)
  const error = ref<string | undefined>()
  // Each refresh or selection gets a number; an answer that arrives after a newer request is dropped.
  let generation = 0

  async function run<T>(task: (ws: HostWorkspace) => Promise<T>): Promise<T | undefined> {
    const ws = workspace()
    if (!ws) return undefined
    busy.value = true
    error.value = undefined
    try {
      return await task(ws)
    } catch (e) {
      error.value = messageOf(e)
      return undefined
    } finally {
      busy.value = false
    }
  }

  async function refresh(): Promise<void> {
    const mine = ++generation
    const list = await run(async (ws) => ((await ws.isWorkspace()) ? ws.history() : []))
    if (mine !== generation || list === undefined) return
    versions.value = list
    if (selected.value !== undefined && !list.some((v) => v.oid === selected.value)) {
      selected.value = undefined
      changes.value = undefined
    } else if (selected.value !== undefined) {
      await select(selected.value)
    }
  }

  async function select(oid: string): Promise<void> {
    const mine = ++generation
    selected.value = oid
    const diff = await run((ws) => ws.diff(oid))
    if (mine !== generation) return
    changes.value = diff
  }

  async function restore(oid: string): Promise<WorkspaceVersion | undefined> {
    const restored = await run((ws) => ws.restore(oid))
    if (!restored) return undefined
    selected.value = undefined
    changes.value = undefined
    await refresh()
    return restored.version
  }

  return { versions, selected, changes, busy, error, refresh, select, restore }
}
