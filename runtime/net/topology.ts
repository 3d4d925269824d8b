/**
 * Topology builders: full mesh, ring, star, small world (Watts–Strogatz), and Bitcoin-like random
 * outbound peers with a given outbound-degree distribution (SimBlock's `BitcoinCoreTable`).
 *
 * All draws come from the topology stream, so the same seed gives the same graph.
 *
 * @module
 */
import type { RandomStreams } from '../sim/prng.ts'
import { STREAM_TOPOLOGY } from '../sim/prng.ts'
import type { Links } from './links.ts'

export const TOPOLOGY_KINDS = ['full-mesh', 'ring', 'star', 'small-world', 'bitcoin'] as const
export type TopologyKind = (typeof TOPOLOGY_KINDS)[number]

export interface TopologyOptions {
  /** Outbound-degree CDF for `bitcoin` (entry i = P(degree ≤ i + 1)). */
  outboundDegreeCdf: readonly number[]
  /** Neighbours on each side in the ring lattice of `small-world` (k/2). */
  smallWorldHalfDegree: number
  /** Rewiring probability of `small-world`. */
  smallWorldRewire: number
}

/**
 * Draws one node's outbound degree from a CDF (1-based: index i means degree i + 1).
 * SimBlock assigns degrees by shuffling a list built from the CDF; drawing per node gives the
 * same distribution and lets nodes be added one at a time.
 */
export function drawOutboundDegree(cdf: readonly number[], rng: RandomStreams, stream: number): number {
  const u = rng.nextOpen01(stream)
  for (let i = 0; i < cdf.length; i++) if (u <= cdf[i]!) return i + 1
  return cdf.length
}

/** Connects `node` to `degree` distinct random peers among `candidates` (outbound). */
export function connectRandomOutbound(
  links: Links,
  node: number,
  degree: number,
  candidates: readonly number[],
  rng: RandomStreams,
  stream: number,
): void {
  const available = candidates.length - (candidates.includes(node) ? 1 : 0)
  const target = Math.min(degree, available)
  let made = 0
  let attempts = 0
  // Rejection sampling instead of SimBlock's shuffle of all nodes per node (O(n²) at 10,000).
  while (made < target && attempts < 50 * target + 100) {
    attempts++
    const peer = candidates[rng.nextInt(stream, candidates.length)]!
    if (peer === node || links.connected(node, peer)) continue
    links.connect(node, peer)
    made++
  }
  if (made < target) {
    for (const peer of candidates) {
      if (made >= target) break
      if (peer !== node && !links.connected(node, peer)) {
        links.connect(node, peer)
        made++
      }
    }
  }
}

/** Builds `kind` over nodes 0 … n-1. */
export function buildTopology(
  kind: TopologyKind,
  n: number,
  links: Links,
  rng: RandomStreams,
  options: TopologyOptions,
): void {
  links.ensure(n)
  const s = STREAM_TOPOLOGY
  switch (kind) {
    case 'full-mesh':
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) links.connect(a, b)
      return
    case 'ring':
      if (n === 2) links.connect(0, 1)
      else if (n > 2) for (let a = 0; a < n; a++) links.connect(a, (a + 1) % n)
      return
    case 'star':
      for (let a = 1; a < n; a++) links.connect(a, 0)
      return
    case 'small-world': {
      // At least one neighbour per side, so 2 or 3 nodes still form a connected ring.
      const k = n < 2 ? 0 : Math.max(1, Math.min(options.smallWorldHalfDegree, Math.floor((n - 1) / 2)))
      for (let a = 0; a < n; a++) {
        for (let j = 1; j <= k; j++) {
          let b = (a + j) % n
          if (rng.nextOpen01(s) < options.smallWorldRewire) {
            // Rewire to a uniformly random node that is not a or already linked.
            for (let tries = 0; tries < 20; tries++) {
              const c = rng.nextInt(s, n)
              if (c !== a && !links.connected(a, c)) {
                b = c
                break
              }
            }
          }
          links.connect(a, b)
        }
      }
      return
    }
    case 'bitcoin': {
      const all = Array.from({ length: n }, (_, i) => i)
      const degrees = all.map(() => drawOutboundDegree(options.outboundDegreeCdf, rng, s))
      for (let a = 0; a < n; a++) connectRandomOutbound(links, a, degrees[a]!, all, rng, s)
      return
    }
  }
}
