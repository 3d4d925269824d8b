/**
 * Announcements held aside while a node downloads a block.
 *
 * A node downloading block b from one peer receives INVs for b from its other peers; Bitcoin Core
 * remembers those announcers and asks one of them only if the download fails. In a healthy run
 * that never happens, and half of all events in a 10,000-node network would be such INVs doing
 * nothing. So an INV sent to a node that is already downloading the block is counted on the
 * wire but not scheduled: it is held here with its send time. If the download succeeds the entries
 * are dropped; if it fails, each held INV gets its latency drawn then, those that would already
 * have arrived name the fallback peer (the latest one), and the rest are delivered as ordinary
 * events at their arrival times.
 *
 * Entries live in a pooled singly linked list per node (typed arrays and a free list): no
 * allocation per announcement.
 *
 * @module
 */
import type { BlockId } from '../chain/blockStore.ts'
import { grown } from '../sim/typedArrays.ts'

export interface HeldAnnouncement {
  from: number
  /** Send time (`arrived` false) or arrival time (`arrived` true), µs. */
  time: number
  /** Sender's crash epoch at send time. */
  epoch: number
  arrived: boolean
}

export interface HeldAnnouncements {
  /** Holds an INV for `block` from `from` to `node`. */
  hold(node: number, block: BlockId, from: number, time: number, epoch: number, arrived: boolean): void
  /** Drops `node`'s entries for `block` (it now holds the block). */
  release(node: number, block: BlockId): void
  /** Removes and returns `node`'s entries for `block`, oldest first. */
  take(node: number, block: BlockId): HeldAnnouncement[]
  /** Drops all of `node`'s entries (it crashed). */
  clear(node: number): void
  ensure(nodes: number): void
  /** Entries currently held (for tests and metrics). */
  readonly size: number
}

export function createHeldAnnouncements(): HeldAnnouncements {
  let cap = 1024
  let blocks = new Int32Array(cap)
  let froms = new Int32Array(cap)
  let times = new Float64Array(cap)
  let epochs = new Uint32Array(cap)
  let arrivedFlags = new Uint8Array(cap)
  let next = new Int32Array(cap)
  let heads = new Int32Array(0)
  let free = -1
  let fresh = 0
  let size = 0

  function grow(): void {
    cap *= 2
    blocks = grown(blocks, cap)
    froms = grown(froms, cap)
    times = grown(times, cap)
    epochs = grown(epochs, cap)
    arrivedFlags = grown(arrivedFlags, cap)
    next = grown(next, cap)
  }

  /** Unlinks every entry of `node` matching `block` (all when block < 0), calling `visit` on each. */
  function unlink(node: number, block: BlockId, visit?: (i: number) => void): void {
    let prev = -1
    let i = heads[node]!
    while (i >= 0) {
      const nxt = next[i]!
      if (block < 0 || blocks[i] === block) {
        visit?.(i)
        if (prev < 0) heads[node] = nxt
        else next[prev] = nxt
        next[i] = free
        free = i
        size--
      } else prev = i
      i = nxt
    }
  }

  return {
    hold(node, block, from, time, epoch, arrived) {
      let i: number
      if (free >= 0) {
        i = free
        free = next[i]!
      } else {
        if (fresh === cap) grow()
        i = fresh++
      }
      blocks[i] = block
      froms[i] = from
      times[i] = time
      epochs[i] = epoch
      arrivedFlags[i] = arrived ? 1 : 0
      next[i] = heads[node]!
      heads[node] = i
      size++
    },
    release(node, block) {
      if (heads[node]! >= 0) unlink(node, block)
    },
    take(node, block) {
      const out: HeldAnnouncement[] = []
      unlink(node, block, (i) => out.push({ from: froms[i]!, time: times[i]!, epoch: epochs[i]!, arrived: arrivedFlags[i] === 1 }))
      // The list is newest first; return oldest first.
      return out.reverse()
    },
    clear(node) {
      if (heads[node]! >= 0) unlink(node, -1)
    },
    ensure(nodes) {
      if (nodes <= heads.length) return
      heads = grown(heads, Math.max(nodes, heads.length * 2), -1)
    },
    get size() {
      return size
    },
  }
}
