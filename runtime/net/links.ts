/**
 * Who is connected to whom, and what is currently wrong with the links: partitions and per-link
 * faults (extra delay, loss, duplication).
 *
 * A node's peer list holds its outbound connections first, then its inbound ones (Bitcoin Core's
 * view, and the order SimBlock announces in). Links are undirected for relaying.
 *
 * @module
 */

export interface LinkFault {
  /** Extra one-way delay, µs. */
  delayUs: number
  /** Probability that a message is lost. */
  drop: number
  /** Probability that a message is delivered twice. */
  duplicate: number
}

export interface Links {
  /** Peers of `node` (outbound first). Do not mutate. */
  peers(node: number): readonly number[]
  outboundCount(node: number): number
  connected(a: number, b: number): boolean
  /** Adds an outbound link a→b (b gets an inbound link). False if it exists or a === b. */
  connect(a: number, b: number): boolean
  disconnectAll(node: number): void
  ensure(nodes: number): void
  /** True when a message from `a` can reach `b` now (same partition side). */
  reachable(a: number, b: number): boolean
  /** Splits the network; nodes in no group form one more group together. */
  partition(groups: readonly (readonly number[])[], nodeCount: number): void
  heal(): void
  readonly partitioned: boolean
  /** Side of the partition each node is on (-1 when not partitioned). */
  sideOf(node: number): number
  setFault(from: number | undefined, to: number | undefined, fault: LinkFault | undefined): void
  /** The fault on from→to (specific link first, then the global one), or undefined. */
  fault(from: number, to: number): LinkFault | undefined
  clearFaults(): void
  readonly linkCount: number
}

const NODE_KEY = 67108864 // 2^26 nodes: from·2^26 + to stays below 2^53

export function createLinks(): Links {
  const peerLists: number[][] = []
  const outCounts: number[] = []
  let sides = new Int32Array(0)
  let partitioned = false
  let linkCount = 0
  const linkFaults = new Map<number, LinkFault>()
  let globalFault: LinkFault | undefined

  function ensure(nodes: number): void {
    while (peerLists.length < nodes) {
      peerLists.push([])
      outCounts.push(0)
    }
    if (sides.length < nodes) {
      const next = new Int32Array(Math.max(nodes, sides.length * 2))
      next.fill(partitioned ? -2 : -1)
      next.set(sides)
      sides = next
    }
  }

  return {
    peers: (node) => peerLists[node]!,
    outboundCount: (node) => outCounts[node]!,
    connected: (a, b) => peerLists[a]!.includes(b),
    connect(a, b) {
      if (a === b || peerLists[a]!.includes(b)) return false
      const la = peerLists[a]!
      // Outbound links stay in front of inbound ones.
      la.splice(outCounts[a]!, 0, b)
      outCounts[a]!++
      peerLists[b]!.push(a)
      linkCount++
      return true
    },
    disconnectAll(node) {
      const list = peerLists[node]!
      for (let i = 0; i < list.length; i++) {
        const peer = list[i]!
        const pl = peerLists[peer]!
        const idx = pl.indexOf(node)
        if (idx >= 0) {
          pl.splice(idx, 1)
          if (idx < outCounts[peer]!) outCounts[peer]!--
        }
        linkCount--
      }
      peerLists[node] = []
      outCounts[node] = 0
    },
    ensure,
    reachable(a, b) {
      return !partitioned || sides[a] === sides[b]
    },
    partition(groups, nodeCount) {
      ensure(nodeCount)
      // Nodes named in no group share one extra side.
      sides.fill(groups.length)
      groups.forEach((group, side) => {
        for (const node of group) sides[node] = side
      })
      partitioned = true
    },
    heal() {
      partitioned = false
      sides.fill(-1)
    },
    get partitioned() {
      return partitioned
    },
    sideOf: (node) => (partitioned ? sides[node]! : -1),
    setFault(from, to, fault) {
      if (from === undefined || to === undefined) {
        globalFault = fault
        return
      }
      const key = from * NODE_KEY + to
      if (fault) linkFaults.set(key, fault)
      else linkFaults.delete(key)
    },
    fault(from, to) {
      if (linkFaults.size > 0) {
        const f = linkFaults.get(from * NODE_KEY + to)
        if (f) return f
      }
      return globalFault
    },
    clearFaults() {
      linkFaults.clear()
      globalFault = undefined
    },
    get linkCount() {
      return linkCount
    },
  }
}
