import { describe, expect, it } from 'vitest'
import { createLinks } from '../../../runtime/net/links.ts'
import { BITCOIN_OUTBOUND_DEGREE_CDF } from '../../../runtime/net/models/bitcoin2019.ts'
import type { TopologyKind } from '../../../runtime/net/topology.ts'
import { buildTopology, drawOutboundDegree } from '../../../runtime/net/topology.ts'
import { createRandomStreams } from '../../../runtime/sim/prng.ts'

const options = { outboundDegreeCdf: BITCOIN_OUTBOUND_DEGREE_CDF, smallWorldHalfDegree: 3, smallWorldRewire: 0.1 }

function build(kind: TopologyKind, n: number, seed = 1) {
  const links = createLinks()
  buildTopology(kind, n, links, createRandomStreams(seed), options)
  return links
}

function connectedComponents(links: ReturnType<typeof createLinks>, n: number): number {
  const seen = new Uint8Array(n)
  let components = 0
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue
    components++
    const stack = [s]
    seen[s] = 1
    while (stack.length) {
      for (const p of links.peers(stack.pop()!)) {
        if (seen[p]) continue
        seen[p] = 1
        stack.push(p)
      }
    }
  }
  return components
}

describe('topologies', () => {
  it('full mesh, ring and star have the textbook link counts', () => {
    expect(build('full-mesh', 10).linkCount).toBe(45)
    expect(build('ring', 10).linkCount).toBe(10)
    expect(build('ring', 2).linkCount).toBe(1)
    const star = build('star', 10)
    expect(star.linkCount).toBe(9)
    expect(star.peers(0)).toHaveLength(9)
  })

  it('small world: ring lattice of degree 6 with a few rewired links, connected', () => {
    const links = build('small-world', 100)
    // 300 lattice links, less the few a rewiring made redundant.
    expect(links.linkCount).toBeGreaterThan(290)
    expect(links.linkCount).toBeLessThanOrEqual(300)
    expect(connectedComponents(links, 100)).toBe(1)
    expect(build('small-world', 2).linkCount).toBe(1)
    expect(build('small-world', 3).linkCount).toBe(3)
  })

  it("bitcoin: outbound degrees follow Miller et al.'s distribution (mean ≈ 8.6), no self or duplicate links", () => {
    const n = 5000
    const links = build('bitcoin', n)
    let out = 0
    for (let i = 0; i < n; i++) {
      out += links.outboundCount(i)
      const peers = links.peers(i)
      expect(new Set(peers).size).toBe(peers.length)
      expect(peers.includes(i)).toBe(false)
    }
    expect(out / n).toBeGreaterThan(8.4)
    expect(out / n).toBeLessThan(8.9)
    expect(links.linkCount).toBe(out)
    expect(connectedComponents(links, n)).toBe(1)
    const rng = createRandomStreams(2)
    const counts = new Array(21).fill(0)
    for (let i = 0; i < 100_000; i++) counts[drawOutboundDegree(BITCOIN_OUTBOUND_DEGREE_CDF, rng, 0)]++
    expect(counts[16]).toBe(0) // the CDF is flat from 15 to 16
    expect(counts[8]! / 100_000).toBeCloseTo(0.1, 1)
  })

  it('partitions cut reachability across sides; nodes in no group share one extra side', () => {
    const links = build('full-mesh', 6)
    links.partition([[0, 1], [2, 3]], 6)
    expect(links.reachable(0, 1)).toBe(true)
    expect(links.reachable(1, 2)).toBe(false)
    expect(links.reachable(4, 5)).toBe(true)
    expect(links.reachable(0, 4)).toBe(false)
    links.heal()
    expect(links.reachable(1, 2)).toBe(true)
  })
})
