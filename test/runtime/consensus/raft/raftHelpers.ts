/** Shared set-up for the Raft tests: configs and a typed view of a node's Raft state. */
import type { Network } from '../../../../runtime/sim/network.ts'
import type { NetworkConfig } from '../../../../runtime/sim/config.ts'

export interface RaftView {
  role: 'follower' | 'candidate' | 'leader' | 'learner'
  term: number
  votedFor: number | null
  leader: number | null
  commitIndex: number
  logLength: number
  voter: boolean
}

export interface NodeView {
  status: string
  height: number
  finalized: number
  consensus: RaftView
}

export function nodeView(net: Network, node: number): NodeView {
  return net.query({ type: 'node', node }) as NodeView
}

export function raftConfig(seed: number, nodes = 5, protocol: Record<string, unknown> = {}): NetworkConfig {
  return {
    seed,
    nodes,
    net: 'lan',
    topology: 'full-mesh',
    relay: { mode: 'push', compact: false },
    protocol: { kind: 'raft', ...protocol } as NetworkConfig['protocol'],
  }
}

/** The up node that is leader of the highest term, or -1. */
export function currentLeader(net: Network): number {
  let best = -1
  let bestTerm = -1
  for (let n = 0; n < net.config.nodes; n++) {
    const v = nodeView(net, n)
    if (v.status === 'up' && v.consensus.role === 'leader' && v.consensus.term > bestTerm) {
      best = n
      bestTerm = v.consensus.term
    }
  }
  return best
}

/**
 * Steps `net` event by event until `untilUs`, recording every (term → leader) seen on an up node.
 * Returns the terms that had two different leaders (Election Safety says: none).
 */
export function stepWatchingLeaders(net: Network, untilUs: number, leaders: Map<number, Set<number>>): void {
  while ((net.nextEventTime() ?? Infinity) <= untilUs) {
    net.step()
    for (let n = 0; n < net.config.nodes; n++) {
      const v = nodeView(net, n)
      if (v.status !== 'up' || v.consensus.role !== 'leader') continue
      const set = leaders.get(v.consensus.term) ?? new Set<number>()
      set.add(n)
      leaders.set(v.consensus.term, set)
    }
  }
  net.runUntil(untilUs)
}
