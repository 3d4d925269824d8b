/**
 * One node's Casper FFG view: the links (source → target) it has seen votes for, with the stake
 * behind each, and what follows from them (Buterin & Griffith 2017, §2):
 * - the genesis checkpoint is justified;
 * - a checkpoint is justified when a supermajority link (≥ 2/3 of all stake) leads to it from a
 *   justified checkpoint;
 * - a justified checkpoint is finalized when a supermajority link leads from it to its direct
 *   child checkpoint (target epoch = source epoch + 1).
 *
 * Every signed vote counts for its own link (a validator that equivocates counts on both of its
 * links: that is what makes it slashable, and what the accountable-safety proof assumes). Links
 * are judged at epoch boundaries only, like Ethereum's per-epoch processing: votes for epoch e are
 * cast during e, so e is justified when e ends and finalized when e + 1 ends — about two epochs
 * after its boundary block.
 *
 * Each supermajority link that justified or finalized something is handed back with its votes
 * (`TallyOutcome.links`): that is the evidence a proposer makes sure its chain carries, so a node
 * that syncs the chain later reaches the same checkpoints (`blockBodies.ts`).
 *
 * @module
 */
import type { Checkpoint, FfgVote } from './ffgVote.ts'

/** A supermajority link and the signed votes behind it: the proof of a justification (or finalization). */
export interface SupermajorityLink {
  readonly source: Checkpoint
  readonly target: Checkpoint
  readonly votes: readonly FfgVote[]
}

interface Link extends SupermajorityLink {
  votes: FfgVote[]
  stake: number
  valid: boolean
  /** Already handed out as a supermajority link (once per link). */
  decisive: boolean
}

const key = (c: Checkpoint): string => `${c.epoch}:${c.block}`

/** Whether source → target is a well-formed link (target descends from source, later epoch, both checkpoints). */
export type LinkValidator = (source: Checkpoint, target: Checkpoint) => boolean

export interface TallyOutcome {
  /** Checkpoints this call justified, in epoch order. */
  justified: Checkpoint[]
  /** True when this call moved the finalized checkpoint. */
  finalized: boolean
  /** The links that justified or finalized a checkpoint, each handed out once (the evidence to carry on chain). */
  links: SupermajorityLink[]
}

export class FfgTally {
  private readonly links = new Map<string, Link>()
  private readonly byTarget = new Map<number, Link[]>()
  private readonly justifiedKeys = new Set<string>(['0:0'])
  /** The highest justified checkpoint (the first one justified at that epoch). */
  best: Checkpoint = { epoch: 0, block: 0 }
  finalized: Checkpoint = { epoch: 0, block: 0 }

  constructor(
    private readonly totalStake: number,
    private readonly validLink: LinkValidator,
  ) {}

  isJustified(c: Checkpoint): boolean {
    return this.justifiedKeys.has(key(c))
  }

  /** Adds `stake` to the vote's link (the caller passes each signed vote once). */
  add(vote: FfgVote, stake: number): void {
    // Nothing at or below the finalized epoch can change what this node concludes.
    if (vote.target.epoch <= this.finalized.epoch) return
    const k = `${key(vote.source)}>${key(vote.target)}`
    let link = this.links.get(k)
    if (link === undefined) {
      link = { source: vote.source, target: vote.target, votes: [], stake: 0, valid: this.validLink(vote.source, vote.target), decisive: false }
      this.links.set(k, link)
      let list = this.byTarget.get(vote.target.epoch)
      if (list === undefined) this.byTarget.set(vote.target.epoch, (list = []))
      list.push(link)
    }
    link.votes.push(vote)
    link.stake += stake
  }

  private supermajority(stake: number): boolean {
    return stake * 3 >= this.totalStake * 2
  }

  /**
   * Epoch processing: justifies and finalizes from the links into epochs ≤ `uptoEpoch`. One pass
   * in target-epoch order reaches the fixpoint, because a link's source is always earlier.
   */
  process(uptoEpoch: number): TallyOutcome {
    const justified: Checkpoint[] = []
    const links: SupermajorityLink[] = []
    let finalize: Checkpoint | undefined
    for (let t = this.finalized.epoch + 1; t <= uptoEpoch; t++) {
      const list = this.byTarget.get(t)
      if (list === undefined) continue
      for (const link of list) {
        if (!link.valid || !this.supermajority(link.stake) || !this.isJustified(link.source)) continue
        const justifies = !this.isJustified(link.target)
        const finalizes = t === link.source.epoch + 1
        if (justifies) {
          this.justifiedKeys.add(key(link.target))
          justified.push(link.target)
          if (t > this.best.epoch) this.best = link.target
        }
        if (finalizes && (finalize === undefined || link.source.epoch > finalize.epoch)) finalize = link.source
        if ((justifies || finalizes) && !link.decisive) {
          link.decisive = true
          links.push(link)
        }
      }
    }
    if (finalize === undefined || finalize.epoch <= this.finalized.epoch) return { justified, finalized: false, links }
    this.finalized = finalize
    for (const t of [...this.byTarget.keys()]) {
      if (t > finalize.epoch) continue
      for (const link of this.byTarget.get(t)!) this.links.delete(`${key(link.source)}>${key(link.target)}`)
      this.byTarget.delete(t)
    }
    return { justified, finalized: true, links }
  }
}
