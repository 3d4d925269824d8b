/**
 * Raft's two RPCs and their replies (Figure 2 of the paper), as direct messages. The sender is the
 * channel's `from`, so neither carries the candidate or leader id. Replies carry what the caller
 * needs to act without remembering its requests: the follower's match index on success and a
 * back-off hint on failure.
 *
 * @module
 */
import type { BlockId } from '../../chain/blockStore.ts'
import type { MessageCost } from '../../net/directMessage.ts'
import type { World } from '../../sim/world.ts'
import type { RaftConfig } from './raftConfig.ts'

export interface RequestVote {
  type: 'vote'
  term: number
  lastLogIndex: number
  lastLogTerm: number
}

export interface VoteReply {
  type: 'vote-reply'
  term: number
  granted: boolean
}

export interface AppendEntries {
  type: 'append'
  term: number
  prevLogIndex: number
  prevLogTerm: number
  /** Terms and blocks of the entries from prevLogIndex + 1 (empty: a heartbeat). */
  terms: number[]
  blocks: BlockId[]
  leaderCommit: number
}

export interface AppendReply {
  type: 'append-reply'
  term: number
  success: boolean
  /** Success: the follower's log matches the leader's up to here. */
  matchIndex: number
  /** Failure: where the leader should try next (the start of the conflicting term, or the end of a short log). */
  nextHint: number
}

export type RaftMessage = RequestVote | VoteReply | AppendEntries | AppendReply

export interface RaftCosts {
  vote: MessageCost
  voteReply: MessageCost
  append: MessageCost
  appendReply: MessageCost
}

export function raftCosts(w: World, config: RaftConfig): RaftCosts {
  // A reply leaves only after the replier's state is on disk: the fsync rides on its delay.
  const small = (name: string, persist: number): MessageCost => ({ kind: w.metrics.messageKind(name), bytes: config.voteBytes, verifyUs: config.verifyUs + persist })
  return {
    vote: small('raft-vote', 0),
    voteReply: small('raft-vote-reply', config.persistUs),
    append: small('raft-append', 0),
    appendReply: small('raft-append-reply', config.persistUs),
  }
}

/** AppendEntries carries its blocks: its size is the header plus each entry with its block. */
export function appendCost(w: World, config: RaftConfig, costs: RaftCosts, blocks: readonly BlockId[]): MessageCost {
  let bytes = config.voteBytes
  for (const b of blocks) bytes += config.entryBytes + w.store.size(b)
  return { kind: costs.append.kind, bytes, verifyUs: config.verifyUs }
}
