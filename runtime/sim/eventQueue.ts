/**
 * The future-event list: a binary min-heap ordered by (time, seq), with O(1) cancellation by
 * tombstone.
 *
 * Events are stored struct-of-arrays in growable typed arrays (time, seq, kind, node, a, b, c), and
 * the heap holds slot indices. A run of 10,000 nodes × 100 blocks pushes tens of millions of
 * events: one object per event would be that many allocations for the GC to chase, while slots
 * are recycled through a free list and cost nothing after warm-up.
 *
 * Ties on time are broken by `seq`, a counter that increases on every push, so the order of
 * simultaneous events is the order they were scheduled — never an identity hash (SimBlock's
 * determinism hazard).
 *
 * @module
 */

/** A scheduled event's handle: pass it to {@link EventQueue.cancel}. */
export type EventHandle = number

/** Slots per generation in a handle: up to 4 Mi simultaneously pending events per 2^31 reuses. */
const SLOT_BITS_CAP = 0x400000

/** @internal */
export interface EventQueue {
  /** Number of pending (not cancelled) events. */
  readonly size: number
  /** Total number of events ever pushed (the next event's seq). */
  readonly pushed: number
  push(time: number, kind: number, node: number, a: number, b: number, c: number, data?: unknown): EventHandle
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
  let time = new Float64Array(cap)
  let seqs = new Float64Array(cap)
  let kinds = new Uint8Array(cap)
  let nodes = new Int32Array(cap)
  let as = new Int32Array(cap)
  let bs = new Int32Array(cap)
  let cs = new Int32Array(cap)
  let gens = new Uint32Array(cap)
  let dead = new Uint8Array(cap)
  // Rare object payloads (scheduled commands) live beside the numeric fields.
  const datas: unknown[] = []
  let heap = new Int32Array(cap)
  let heapLen = 0
  let free = new Int32Array(cap)
  let freeLen = 0
  let nextFresh = 0
  let seq = 0
  let live = 0

  function grow(): void {
    const n = cap * 2
    if (n > SLOT_BITS_CAP) throw new RangeError(`event queue: more than ${SLOT_BITS_CAP} pending events`)
    const t = new Float64Array(n); t.set(time); time = t
    const s = new Float64Array(n); s.set(seqs); seqs = s
    const k = new Uint8Array(n); k.set(kinds); kinds = k
    const nd = new Int32Array(n); nd.set(nodes); nodes = nd
    const a = new Int32Array(n); a.set(as); as = a
    const b = new Int32Array(n); b.set(bs); bs = b
    const c = new Int32Array(n); c.set(cs); cs = c
    const g = new Uint32Array(n); g.set(gens); gens = g
    const d = new Uint8Array(n); d.set(dead); dead = d
    const h = new Int32Array(n); h.set(heap); heap = h
    const ht = new Float64Array(n); ht.set(heapTime); heapTime = ht
    const hs = new Float64Array(n); hs.set(heapSeq); heapSeq = hs
    const f = new Int32Array(n); f.set(free); free = f
    cap = n
  }

  // The heap keeps each entry's (time, seq) key beside its slot, in heap order: comparisons read
  // neighbouring memory instead of chasing slot indices (a cache miss per level at 10^5 entries).
  // The (time, seq) comparison is inlined by hand: this is the hottest code in a run.
  let heapTime = new Float64Array(cap)
  let heapSeq = new Float64Array(cap)

  function siftUp(pos: number, slot: number, t: number, s: number): void {
    while (pos > 0) {
      const parentPos = (pos - 1) >> 1
      const pt = heapTime[parentPos]!
      if (pt < t || (pt === t && heapSeq[parentPos]! < s)) break
      heap[pos] = heap[parentPos]!
      heapTime[pos] = pt
      heapSeq[pos] = heapSeq[parentPos]!
      pos = parentPos
    }
    heap[pos] = slot
    heapTime[pos] = t
    heapSeq[pos] = s
  }

  function siftDown(pos: number, slot: number, t: number, s: number): void {
    const half = heapLen >> 1
    while (pos < half) {
      let child = 2 * pos + 1
      let ct = heapTime[child]!
      let cs = heapSeq[child]!
      const right = child + 1
      if (right < heapLen) {
        const rt = heapTime[right]!
        if (rt < ct || (rt === ct && heapSeq[right]! < cs)) {
          child = right
          ct = rt
          cs = heapSeq[right]!
        }
      }
      if (t < ct || (t === ct && s < cs)) break
      heap[pos] = heap[child]!
      heapTime[pos] = ct
      heapSeq[pos] = cs
      pos = child
    }
    heap[pos] = slot
    heapTime[pos] = t
    heapSeq[pos] = s
  }

  function release(slot: number): void {
    gens[slot] = (gens[slot]! + 1) >>> 0
    dead[slot] = 0
    datas[slot] = undefined
    free[freeLen++] = slot
  }

  function removeTop(): number {
    const top = heap[0]!
    heapLen--
    if (heapLen > 0) siftDown(0, heap[heapLen]!, heapTime[heapLen]!, heapSeq[heapLen]!)
    return top
  }

  function dropTombstones(): void {
    while (heapLen > 0 && dead[heap[0]!] === 1) release(removeTop())
  }

  const q: EventQueue = {
    get size() {
      return live
    },
    get pushed() {
      return seq
    },
    push(t, kind, node, a, b, c, data) {
      let slot: number
      if (freeLen > 0) slot = free[--freeLen]!
      else {
        if (nextFresh === cap) grow()
        slot = nextFresh++
      }
      time[slot] = t
      seqs[slot] = seq++
      kinds[slot] = kind
      nodes[slot] = node
      as[slot] = a
      bs[slot] = b
      cs[slot] = c
      if (data !== undefined) datas[slot] = data
      if (heapLen === heap.length) grow()
      siftUp(heapLen++, slot, t, seqs[slot]!)
      live++
      return gens[slot]! * SLOT_BITS_CAP + slot
    },
    cancel(handle) {
      const slot = handle % SLOT_BITS_CAP
      const gen = Math.floor(handle / SLOT_BITS_CAP)
      if (slot >= nextFresh || gens[slot] !== gen || dead[slot] === 1) return false
      dead[slot] = 1
      live--
      return true
    },
    peekTime() {
      dropTombstones()
      return heapLen > 0 ? heapTime[0] : undefined
    },
    peekKind() {
      dropTombstones()
      return heapLen > 0 ? kinds[heap[0]!]! : -1
    },
    peekNode() {
      dropTombstones()
      return heapLen > 0 ? nodes[heap[0]!]! : -1
    },
    pop() {
      dropTombstones()
      if (heapLen === 0) return false
      const slot = removeTop()
      q.currentTime = time[slot]!
      q.currentSeq = seqs[slot]!
      q.currentKind = kinds[slot]!
      q.currentNode = nodes[slot]!
      q.currentA = as[slot]!
      q.currentB = bs[slot]!
      q.currentC = cs[slot]!
      q.currentData = datas[slot]
      live--
      release(slot)
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
