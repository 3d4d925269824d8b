/**
 * The future-event list: a 4-ary min-heap ordered by (time, seq), with O(1) cancellation by
 * tombstone.
 *
 * Each entry is one 40-byte record — time and seq as float64, then kind, node, a, b, c and a
 * cancellable flag as int32 — stored inline in one ArrayBuffer and moved as a unit by the sift
 * loops. A run of 10,000 nodes × 100 blocks pops millions of events: one object per event would
 * be garbage for the collector to chase, and keeping fields in separate arrays indexed by a slot
 * costs a cache miss per field per pop. Here a pop touches one record per heap level, and four
 * children per node halve a binary heap's depth: a pop from a 20,000-event heap (a 100-validator
 * BFT round in flight) moves 7 records instead of 14, for a few more comparisons in cache.
 *
 * Ties on time are broken by `seq`, a counter that increases on every push, so simultaneous
 * events run in the order they were scheduled — never by an identity hash (SimBlock's
 * determinism hazard).
 *
 * Cancellation: an event pushed with `cancellable` can be cancelled through its handle (its seq);
 * the handle goes into a tombstone set and the entry is skipped when it reaches the top. Only the
 * few cancellable events (pending mining attempts) pay for the bookkeeping.
 *
 * @module
 */

/** A scheduled event's handle (its seq): pass it to {@link EventQueue.cancel}. */
export type EventHandle = number

/** Int32 words per record (5 float64 words). */
const STRIDE = 10
const F_STRIDE = 5

/** @internal */
export interface EventQueue {
  /** Number of pending (not cancelled) events. */
  readonly size: number
  /** Total number of events ever pushed (the next event's seq). */
  readonly pushed: number
  push(time: number, kind: number, node: number, a: number, b: number, c: number, data?: unknown): EventHandle
  /** Like `push`, and the event can later be cancelled with the returned handle. */
  pushCancellable(time: number, kind: number, node: number, a: number, b: number, c: number): EventHandle
  /** Cancels a pending cancellable event; false if it already ran, was cancelled, or is unknown. */
  cancel(handle: EventHandle): boolean
  /** Time of the earliest live event, or `undefined` when empty. Drops tombstones on the way. */
  peekTime(): number | undefined
  /** Kind and node of the earliest live event (-1 when empty): lets a run stop before it. */
  peekKind(): number
  peekNode(): number
  /** Pops the earliest live event into the queue's `current*` fields; false when empty. */
  pop(): boolean
  currentTime: number
  currentSeq: number
  currentKind: number
  currentNode: number
  currentA: number
  currentB: number
  currentC: number
  currentData: unknown
}

/**
 * Creates an empty event queue.
 *
 * @example
 * const q = createEventQueue()
 * q.push(10, 1, 0, 0, 0, 0)
 * q.pop() // true; q.currentTime === 10
 */
export function createEventQueue(initialCapacity = 1024): EventQueue {
  let cap = Math.max(16, initialCapacity)
  let buffer = new ArrayBuffer(cap * STRIDE * 4)
  let f64 = new Float64Array(buffer)
  let i32 = new Int32Array(buffer)
  let len = 0
  let seq = 0
  let live = 0
  /** Handles of pending cancellable events. */
  const cancellable = new Set<number>()
  /** Handles cancelled but still in the heap. */
  const tombstones = new Set<number>()
  // Object payloads (commands, protocol messages) live in a slot array with a free list; a
  // record's flag word holds its slot + 1 above the cancellable bit. A map keyed by seq cost a
  // hash insert and delete per protocol message.
  const dataSlots: unknown[] = []
  const freeSlots: number[] = []

  function grow(): void {
    cap *= 2
    const next = new ArrayBuffer(cap * STRIDE * 4)
    new Int32Array(next).set(i32)
    buffer = next
    f64 = new Float64Array(buffer)
    i32 = new Int32Array(buffer)
  }

  /** Copies record `from` to position `to` (int32 words: bit-exact, no float canonicalisation). */
  function move(to: number, from: number): void {
    const d = to * STRIDE
    const s = from * STRIDE
    i32[d] = i32[s]!
    i32[d + 1] = i32[s + 1]!
    i32[d + 2] = i32[s + 2]!
    i32[d + 3] = i32[s + 3]!
    i32[d + 4] = i32[s + 4]!
    i32[d + 5] = i32[s + 5]!
    i32[d + 6] = i32[s + 6]!
    i32[d + 7] = i32[s + 7]!
    i32[d + 8] = i32[s + 8]!
    i32[d + 9] = i32[s + 9]!
  }

  function insert(t: number, kind: number, node: number, a: number, b: number, c: number, flag: number): number {
    // A NaN time would silently break the heap order (every comparison is false): fail loudly.
    if (t !== t) throw new Error(`event queue: NaN time for an event of kind ${kind} (a bug)`)
    if (len === cap) grow()
    const s = seq++
    let pos = len++
    // Sift up, moving parents down until the new record's place is found.
    while (pos > 0) {
      const parent = (pos - 1) >> 2
      const pt = f64[parent * F_STRIDE]!
      if (pt < t || (pt === t && f64[parent * F_STRIDE + 1]! < s)) break
      move(pos, parent)
      pos = parent
    }
    f64[pos * F_STRIDE] = t
    f64[pos * F_STRIDE + 1] = s
    const o = pos * STRIDE
    i32[o + 4] = kind
    i32[o + 5] = node
    i32[o + 6] = a
    i32[o + 7] = b
    i32[o + 8] = c
    i32[o + 9] = flag
    live++
    return s
  }

  /** Removes the top record; the last record is sifted down from the root. */
  function removeTop(): void {
    len--
    if (len === 0) return
    siftDown(len)
  }

  /** Moves record `from` (at or past the end of the heap) into place, starting at the root. */
  function siftDown(from: number): void {
    const t = f64[from * F_STRIDE]!
    const s = f64[from * F_STRIDE + 1]!
    let pos = 0
    for (;;) {
      const first = 4 * pos + 1
      if (first >= len) break
      // The earliest of up to four children.
      let child = first
      let ct = f64[first * F_STRIDE]!
      let cs = f64[first * F_STRIDE + 1]!
      const end = Math.min(first + 4, len)
      for (let c = first + 1; c < end; c++) {
        const rt = f64[c * F_STRIDE]!
        if (rt < ct || (rt === ct && f64[c * F_STRIDE + 1]! < cs)) {
          child = c
          ct = rt
          cs = f64[c * F_STRIDE + 1]!
        }
      }
      if (t < ct || (t === ct && s < cs)) break
      move(pos, child)
      pos = child
    }
    move(pos, from)
  }

  function topIsTombstone(): boolean {
    return tombstones.size > 0 && (i32[9]! & 1) === 1 && tombstones.has(f64[1]!)
  }

  function dropTombstones(): void {
    while (len > 0 && topIsTombstone()) {
      tombstones.delete(f64[1]!)
      removeTop()
    }
  }

  const q: EventQueue = {
    get size() {
      return live
    },
    get pushed() {
      return seq
    },
    push(t, kind, node, a, b, c, data) {
      if (data === undefined) return insert(t, kind, node, a, b, c, 0)
      let slot = freeSlots.pop()
      if (slot === undefined) {
        slot = dataSlots.length
        dataSlots.push(data)
      } else dataSlots[slot] = data
      return insert(t, kind, node, a, b, c, (slot + 1) * 2)
    },
    pushCancellable(t, kind, node, a, b, c) {
      const s = insert(t, kind, node, a, b, c, 1)
      cancellable.add(s)
      return s
    },
    cancel(handle) {
      if (!cancellable.delete(handle)) return false
      tombstones.add(handle)
      live--
      return true
    },
    peekTime() {
      dropTombstones()
      return len > 0 ? f64[0] : undefined
    },
    peekKind() {
      dropTombstones()
      return len > 0 ? i32[4]! : -1
    },
    peekNode() {
      dropTombstones()
      return len > 0 ? i32[5]! : -1
    },
    pop() {
      dropTombstones()
      if (len === 0) return false
      const s = f64[1]!
      q.currentTime = f64[0]!
      q.currentSeq = s
      q.currentKind = i32[4]!
      q.currentNode = i32[5]!
      q.currentA = i32[6]!
      q.currentB = i32[7]!
      q.currentC = i32[8]!
      const flag = i32[9]!
      if ((flag & 1) === 1) cancellable.delete(s)
      if (flag > 1) {
        const slot = (flag >> 1) - 1
        q.currentData = dataSlots[slot]
        dataSlots[slot] = undefined
        freeSlots.push(slot)
      } else q.currentData = undefined
      live--
      removeTop()
      return true
    },
    currentTime: 0,
    currentSeq: 0,
    currentKind: 0,
    currentNode: 0,
    currentA: 0,
    currentB: 0,
    currentC: 0,
    currentData: undefined,
  }
  return q
}
