import { describe, expect, it } from 'vitest'
import { BASE_DIFFICULTY, createBlockStore } from '../../../../runtime/chain/blockStore.ts'
import { nextDifficulty } from '../../../../runtime/consensus/pow/difficulty.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../../runtime/sim/presets.ts'

const INTERVAL = 10_000_000 // 10 s

function chain(spacingUs: number, blocks: number) {
  const store = createBlockStore()
  let tip = 0
  for (let i = 1; i <= blocks; i++) tip = store.add(tip, 0, i * spacingUs, nextDifficulty(store, tip, INTERVAL, { every: 10, maxFactor: 4 }), 1)
  return { store, tip }
}

describe('difficulty', () => {
  it('is fixed without retargeting (SimBlock) and starts at the base difficulty', () => {
    const store = createBlockStore()
    const b1 = store.add(0, 0, 1, nextDifficulty(store, 0, INTERVAL, undefined), 1)
    expect(store.difficulty(b1)).toBe(BASE_DIFFICULTY)
    expect(nextDifficulty(store, b1, INTERVAL, undefined)).toBe(BASE_DIFFICULTY)
  })

  it('retargets every window by expected / actual time: blocks twice as fast → difficulty × 2', () => {
    const { store, tip } = chain(INTERVAL / 2, 19)
    expect(store.difficulty(tip)).toBe(2 * BASE_DIFFICULTY) // from height 10: the first window was 0–9
    expect(store.difficulty(store.ancestorAt(tip, 9))).toBe(BASE_DIFFICULTY)
  })

  it('clamps an adjustment to ×4 either way', () => {
    expect(chain(INTERVAL / 100, 19).store.difficulty(19)).toBe(4 * BASE_DIFFICULTY)
    expect(chain(INTERVAL * 100, 19).store.difficulty(19)).toBe(BASE_DIFFICULTY / 4)
  })

  it('in a network: hash power doubles, block intervals halve, then retargeting restores them', () => {
    const config = { ...configFromPreset('pow-lan', 21), protocol: { ...configFromPreset('pow-lan', 21).protocol, retargetEvery: 50 } }
    const net = createNetwork(config)
    net.apply({ type: 'add-node', hashPower: 8 }) // 8 equal miners of power 1, plus one of power 8
    net.run({ stopAtHeight: 400 })
    const tree = net.query({ type: 'block-tree' }) as { height: number; timeMs: number; onMainChain: boolean }[]
    const main = tree.filter((b) => b.onMainChain).sort((a, b) => a.height - b.height)
    const meanInterval = (from: number, to: number): number => (main[to]!.timeMs - main[from]!.timeMs) / (to - from) / 1000
    expect(meanInterval(1, 49)).toBeLessThan(10) // target 15 s, power ×2
    expect(meanInterval(300, 399)).toBeGreaterThan(12)
    expect(meanInterval(300, 399)).toBeLessThan(19)
  })
})
