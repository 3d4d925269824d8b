/**
 * Block bodies: the attestations a proposer includes in its block, as Ethereum does. Inclusion is
 * how a vote reaches a node that did not get it directly — lost in a partition, sent to only half
 * of the network by an equivocator, or cast before the node joined — so every node can rebuild
 * the FFG history (and catch equivocations) from the chain it syncs.
 *
 * A vote is normally included in a block of its own epoch or the next. That window alone loses
 * votes: when the blocks that included them are orphaned after the window closed, the chain never
 * carries them, and the nodes that counted them (from attestations or from the orphaned blocks)
 * justify a checkpoint that a node syncing the chain later can never justify — nor anything voted
 * on from it, since every later vote takes it as its source. So a proposer also includes the
 * votes of every supermajority link it counted whose target is on its chain and that its chain
 * does not carry yet (`evidence`), whatever their epoch: the chain then holds the whole FFG
 * history of its checkpoints, as Ethereum's chain does (there, justification is computed from the
 * included attestations only).
 *
 * The bodies live beside the shared block store (like the block's slot); each node keeps track
 * of which bodies it has read.
 *
 * @module
 */
import type { BlockId, BlockStore } from '../../chain/blockStore.ts'
import { grown } from '../../sim/typedArrays.ts'
import type { BlockSlots } from './checkpoints.ts'
import type { SupermajorityLink } from './ffgTally.ts'
import type { FfgVote } from './ffgVote.ts'
import type { VoteHistory } from './slashing.ts'

/** Every PoS block's slot and included votes, and the blocks of each slot. */
export class BlockBodies {
  private readonly bodies = new Map<BlockId, readonly FfgVote[]>()
  private readonly bySlot = new Map<number, BlockId[]>()
  /** Vote id → the blocks that include it. */
  private readonly including = new Map<number, BlockId[]>()

  constructor(
    readonly slots: BlockSlots,
    private readonly slotsPerEpoch: number,
  ) {}

  record(block: BlockId, slot: number, body: readonly FfgVote[]): void {
    this.slots.set(block, slot)
    this.bodies.set(block, body)
    let list = this.bySlot.get(slot)
    if (list === undefined) this.bySlot.set(slot, (list = []))
    list.push(block)
    for (const v of body) {
      const blocks = this.including.get(v.id)
      if (blocks === undefined) this.including.set(v.id, [block])
      else blocks.push(block)
    }
  }

  /** Whether the chain ending at `head` includes `vote` in some block's body. */
  carries(store: BlockStore, head: BlockId, vote: FfgVote): boolean {
    const blocks = this.including.get(vote.id)
    if (blocks === undefined) return false
    for (const b of blocks) if (store.isAncestor(b, head)) return true
    return false
  }

  /**
   * Adds to `body` (a proposal on `parent`) the votes of `links` that the chain ending at `parent`
   * does not carry yet, for the links whose target is on that chain.
   */
  evidence(store: BlockStore, parent: BlockId, links: readonly SupermajorityLink[], body: FfgVote[]): void {
    let inBody: Set<FfgVote> | undefined
    for (const link of links) {
      if (!store.isAncestor(link.target.block, parent)) continue
      for (const v of link.votes) {
        if (this.carries(store, parent, v)) continue
        inBody ??= new Set(body)
        if (inBody.has(v)) continue
        inBody.add(v)
        body.push(v)
      }
    }
  }

  body(block: BlockId): readonly FfgVote[] {
    return this.bodies.get(block) ?? []
  }

  /** Every block made for `slot` (more than one: a double proposal). */
  atSlot(slot: number): readonly BlockId[] {
    return this.bySlot.get(slot) ?? []
  }

  /**
   * What a proposer includes on `parent` in `epoch`: the votes it has seen for this and the last
   * epoch that no block of its chain since the last epoch's start includes yet (an attestation is
   * included once).
   */
  select(store: BlockStore, history: VoteHistory, parent: BlockId, epoch: number): FfgVote[] {
    const seen: FfgVote[] = []
    if (epoch > 0) history.votesFor(epoch - 1, seen)
    history.votesFor(epoch, seen)
    const included = new Set<FfgVote>()
    const since = Math.max(0, epoch - 1) * this.slotsPerEpoch
    for (let b = parent; b > 0 && this.slots.get(b) >= since; b = store.parent(b)) for (const v of this.body(b)) included.add(v)
    return seen.filter((v) => !included.has(v))
  }
}

/** Bytes of a body, aggregated like Ethereum's: one signed attestation and a bitfield per distinct link. */
export function bodyBytes(body: readonly FfgVote[], attestationBytes: number, validators: number): number {
  const links = new Set<string>()
  for (const v of body) links.add(`${v.source.epoch}:${v.source.block}>${v.target.epoch}:${v.target.block}`)
  return links.size * (attestationBytes + Math.ceil(validators / 8))
}

const READ = 1
const CHAIN_READ = 2

/** Which bodies one node has read: READ (the block's) or CHAIN_READ (the block's and every ancestor's). */
export class BodyReader {
  private flags = new Uint8Array(64)
  /** Below this id every block is read or abandoned (an old side block the node never got). */
  private from = 1

  private isRead(block: BlockId): boolean {
    return block < this.flags.length && this.flags[block]! >= READ
  }

  /** Marks `block` read; false when it already was (so the caller reads it exactly once). */
  take(block: BlockId): boolean {
    if (block >= this.flags.length) this.flags = grown(this.flags, Math.max(block + 1, this.flags.length * 2))
    if (this.flags[block]! >= READ) return false
    this.flags[block] = READ
    return true
  }

  /** Reads the chain ending at `tip` down to a block whose whole chain is read. */
  readChain(store: BlockStore, tip: BlockId, read: (block: BlockId) => void): void {
    let b = tip
    while (b > 0 && !(b < this.flags.length && this.flags[b] === CHAIN_READ)) {
      if (this.take(b)) read(b)
      b = store.parent(b)
    }
    for (let c = tip; c !== b; c = store.parent(c)) this.flags[c] = CHAIN_READ
  }

  /**
   * Reads held blocks made since `horizonSlot` that are not on the node's chain (a competing
   * proposal it never followed still carries votes and evidence).
   */
  readRecent(store: BlockStore, slots: BlockSlots, horizonSlot: number, holds: (block: BlockId) => boolean, read: (block: BlockId) => void): void {
    const count = store.count
    while (this.from < count && (this.isRead(this.from) || slots.get(this.from) < horizonSlot)) this.from++
    for (let b = this.from; b < count; b++) if (!this.isRead(b) && holds(b) && this.take(b)) read(b)
  }
}
