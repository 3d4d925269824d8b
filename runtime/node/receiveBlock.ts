/**
 * What a node does with a block copy it receives or mines: reject a corrupted copy (ask elsewhere)
 * or a rule-breaking block (for good, with its descendants), park an orphan until its ancestors
 * arrive (and ask the sender for them), connect the block and any orphans waiting on it, then
 * follow the fork choice — switching tips, reporting reorgs, and relaying the new tip.
 *
 * @module
 */
import { HAVE, INVALID, ORPHAN, REQUESTED, UNKNOWN } from '../chain/blockKnowledge.ts'
import type { BlockId } from '../chain/blockStore.ts'
import { abandonRequest, announceBlock, requestBlock } from '../net/relay.ts'
import { createOrphanPool } from './orphanPool.ts'
import type { World } from '../sim/world.ts'

/**
 * Why a received copy is invalid, or `undefined` when it is valid. The network hook checks
 * corrupted copies (tamper) and, in real-PoW runs, the nonce.
 */
export type CopyValidator = (w: World, holder: number, block: BlockId) => string | undefined

export function receiveBlock(w: World, node: number, block: BlockId, from: number, validate: CopyValidator): void {
  const { knowledge, store } = w
  const state = knowledge.get(block, node)
  if (state === HAVE || state === INVALID) return
  if (state === ORPHAN) {
    // Another copy of a parked orphan: its sender holds the whole chain below it.
    if (from >= 0) fetchMissingAncestor(w, node, block, from)
    return
  }
  // A block that breaks the rules, or builds on one, is rejected for good (not just this copy).
  const ruleBreaking = from >= 0 && (store.isInvalid(block) || knowledge.get(store.parent(block), node) === INVALID)
  const invalid = ruleBreaking
    ? 'invalid block: it breaks the consensus rules, or builds on a block that does'
    : from >= 0
      ? validate(w, from, block)
      : undefined
  if (invalid !== undefined) {
    w.metrics.rejected()
    if (w.bus.wants('block-rejected')) {
      w.bus.emit({ type: 'block-rejected', atUs: w.now, node, block, from, reason: invalid })
    }
    // A rule-breaking block is refused from anyone; a corrupted copy may be fine elsewhere.
    if (ruleBreaking) rejectForGood(w, node, block)
    else if (state === REQUESTED) abandonRequest(w, node, block)
    return
  }
  const parent = store.parent(block)
  w.held.release(node, block)
  if (knowledge.get(parent, node) !== HAVE) {
    knowledge.set(block, node, ORPHAN)
    const pool = w.nodes.orphans[node] ?? (w.nodes.orphans[node] = createOrphanPool())
    pool.add(block, parent)
    if (from >= 0) fetchMissingAncestor(w, node, block, from)
    return
  }
  connectBlock(w, node, block, from)
}

/** Marks `block` invalid at `node`, with every parked orphan that builds on it. */
function rejectForGood(w: World, node: number, block: BlockId): void {
  const { knowledge } = w
  knowledge.set(block, node, INVALID)
  w.held.release(node, block)
  const pool = w.nodes.orphans[node]
  if (pool === undefined) return
  const stack = [block]
  while (stack.length > 0) {
    for (const child of pool.takeChildren(stack.pop()!)) {
      knowledge.set(child, node, INVALID)
      stack.push(child)
    }
  }
  if (pool.size === 0) w.nodes.orphans[node] = undefined
}

/**
 * `peer` holds `block` and so every ancestor of it: ask it for the earliest one this node still
 * lacks — not just the parent, which may itself be a parked orphan whose own fetch failed (for
 * instance because the only peer that had it served a corrupted copy).
 */
export function fetchMissingAncestor(w: World, node: number, block: BlockId, peer: number): void {
  const { knowledge, store } = w
  let missing = store.parent(block)
  while (knowledge.get(missing, node) === ORPHAN) missing = store.parent(missing)
  if (knowledge.get(missing, node) === UNKNOWN) requestBlock(w, node, peer, missing)
}

/**
 * Connects `block` (its parent is held) and every orphan that descends from it. `from` is the
 * peer it came from, or -1 for the node's own block.
 */
export function connectBlock(w: World, node: number, block: BlockId, from = -1): void {
  const { knowledge, store, nodes, forkChoice, metrics } = w
  const behaviour = w.behaviours[node]
  const oldTip = nodes.tip[node]!
  let best = oldTip
  // The heaviest block this call connected (a cascade of orphans can connect many).
  let top = block
  const stack = [block]
  while (stack.length > 0) {
    const b = stack.pop()!
    if (store.cumWork(b) > store.cumWork(top)) top = b
    if (b !== block) w.held.release(node, b)
    knowledge.set(b, node, HAVE)
    metrics.arrival(b, w.now, store.timeUs(b))
    if (behaviour?.prefer ? behaviour.prefer(w, node, b, best) : forkChoice.prefer(node, b, best)) best = b
    const pool = nodes.orphans[node]
    if (pool !== undefined) {
      for (const child of pool.takeChildren(b)) stack.push(child)
      if (pool.size === 0) nodes.orphans[node] = undefined
    }
  }
  if (best !== oldTip) setTip(w, node, best, oldTip)
  if (behaviour) {
    if (from >= 0) behaviour.peerBlockConnected?.(w, node, top)
    else behaviour.mined?.(w, node, block)
  }
}

/** Makes `tip` (a block the node holds) the node's tip, as its own decision (strategies). */
export function switchTip(w: World, node: number, tip: BlockId): void {
  const oldTip = w.nodes.tip[node]!
  if (tip !== oldTip) setTip(w, node, tip, oldTip)
}

function setTip(w: World, node: number, tip: BlockId, oldTip: BlockId): void {
  const { store, bus } = w
  w.nodes.tip[node] = tip
  if (!store.isAncestor(oldTip, tip)) {
    const ancestor = store.commonAncestor(oldTip, tip)
    const depth = store.height(oldTip) - store.height(ancestor)
    w.metrics.reorg(depth)
    if (bus.wants('reorg')) bus.emit({ type: 'reorg', atUs: w.now, node, from: oldTip, to: tip, ancestor, depth })
  }
  if (bus.wants('tip-changed')) bus.emit({ type: 'tip-changed', atUs: w.now, node, tip, height: store.height(tip) })
  const behaviour = w.behaviours[node]
  if (w.relay.announceTips && (!behaviour || behaviour.announceTip(w, node, tip))) announceBlock(w, node, tip)
  w.tipChanged(node)
}
