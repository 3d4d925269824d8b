/**
 * The console's line history: arrow up and down walk it (like a shell), the line being typed is
 * kept while walking, repeats of the last line are not stored twice. Persisted per browser session
 * (sessionStorage) when a store is given: a reload keeps it, a new tab starts empty.
 *
 * @module
 */

/** Where the history is kept (sessionStorage satisfies it; a Map-backed fake in tests). */
export interface HistoryStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export interface ConsoleHistory {
  /** Records a submitted line and ends any walk. */
  push(line: string): void
  /** The previous (older) line, or undefined at the oldest; `current` is what is typed now. */
  previous(current: string): string | undefined
  /** The next (newer) line; past the newest it gives back what was typed before the walk. */
  next(): string | undefined
  /** Ends a walk (e.g. the line was edited). */
  reset(): void
  /** Oldest first. */
  entries(): readonly string[]
  clear(): void
}

export interface HistoryOptions {
  store?: HistoryStore | undefined
  key?: string | undefined
  /** Lines kept (default 500). */
  max?: number | undefined
}

/**
 * @example
 * const history = createConsoleHistory({ store: sessionStorage })
 * history.push('nodes')
 * history.previous('') // 'nodes'
 */
export function createConsoleHistory(options: HistoryOptions = {}): ConsoleHistory {
  const key = options.key ?? 'playground.console.history'
  const max = options.max ?? 500
  let lines: string[] = load()
  /** Index into `lines` while walking; lines.length = not walking. */
  let cursor = lines.length
  let draft = ''

  function load(): string[] {
    try {
      const raw = options.store?.getItem(key)
      const parsed: unknown = raw == null ? [] : JSON.parse(raw)
      return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(-max) : []
    } catch {
      return [] // a damaged entry: start empty rather than break the console
    }
  }

  function save(): void {
    try {
      options.store?.setItem(key, JSON.stringify(lines))
    } catch {
      // storage full or disabled: the history lasts for this page
    }
  }

  return {
    push(line) {
      const text = line.trimEnd()
      if (text.trim() !== '' && lines[lines.length - 1] !== text) {
        lines.push(text)
        if (lines.length > max) lines = lines.slice(-max)
        save()
      }
      cursor = lines.length
      draft = ''
    },
    previous(current) {
      if (cursor === lines.length) draft = current
      if (cursor === 0) return undefined
      cursor--
      return lines[cursor]
    },
    next() {
      if (cursor >= lines.length) return undefined
      cursor++
      return cursor === lines.length ? draft : lines[cursor]
    },
    reset() {
      cursor = lines.length
    },
    entries: () => lines,
    clear() {
      lines = []
      cursor = 0
      draft = ''
      save()
    },
  }
}
