/**
 * Nodes that were down (or not there yet) rebuild the FFG view from the blocks they sync: after a
 * restart or a late join they reach the same justified and finalized checkpoints as the nodes
 * that saw the votes live — also when the blocks that first included a checkpoint's votes were
 * orphaned (a validator with a fast clock stamps its blocks with future slots, so the others'
 * proposals, carrying the epoch's votes, fork off its chain and lose).
 */
import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../../runtime/check/runChecker.ts'
import { BlockBodies } from '../../../../runtime/consensus/pos/blockBodies.ts'
import { BlockSlots } from '../../../../runtime/consensus/pos/checkpoints.ts'
import { FfgTally } from '../../../../runtime/consensus/pos/ffgTally.ts'
import type { Checkpoint } from '../../../../runtime/consensus/pos/ffgVote.ts'
import { createVoteBook } from '../../../../runtime/consensus/pos/ffgVote.ts'
import { createBlockStore } from '../../../../runtime/chain/blockStore.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import type { PosNodeView } from './posTestConfig.ts'
import { EPOCH_US, posConfig } from './posTestConfig.ts'

type Net = ReturnType<typeof createNetwork>
const view = (net: Net, node: number): PosNodeView => (net.query({ type: 'node', node }) as { consensus: PosNodeView }).consensus
const cp = (epoch: number, block: number): Checkpoint => ({ epoch, block })

/**
 * 4 validators (LAN). `who` is down from epoch 5 to 15 (an added node: added at epoch 3); with
 * `skew`, validator 2's clock runs 6 s ahead and 10% fast from epoch 5 to 12.
 */
function downForTenEpochs(who: 'validator' | 'added', skew: boolean) {
  const net = createNetwork(posConfig(4, { seed: 1 }))
  const checker = createRunChecker(net, {})
  net.run({ untilUs: 3 * EPOCH_US })
  const node = who === 'added' ? (net.apply({ type: 'add-node' }) as { node: number }).node : 3
  net.run({ untilUs: 5 * EPOCH_US })
  net.apply({ type: 'crash', node })
  if (skew) net.apply({ type: 'set-clock-skew', node: 2, offsetMs: 6000, driftPpm: 100_000 })
  net.run({ untilUs: 12 * EPOCH_US })
  if (skew) net.apply({ type: 'set-clock-skew', node: 2, offsetMs: 0, driftPpm: 0 })
  net.run({ untilUs: 15 * EPOCH_US + 3_000_000 })
  expect(view(net, node).finalized.epoch).toBeLessThan(5)
  net.apply({ type: 'restart', node })
  return { net, checker, node }
}

describe('PoS: a node that missed epochs catches up from the votes in the blocks it syncs', () => {
  it.each([
    ['a validator', 'validator', false],
    ['a node added mid-run', 'added', false],
    ['a validator, after a skewed proposer orphaned the blocks carrying a checkpoint’s votes', 'validator', true],
    ['a node added mid-run, after a skewed proposer orphaned the blocks carrying a checkpoint’s votes', 'added', true],
  ] as const)('%s, crashed for 10 epochs, reaches the others’ checkpoints within an epoch of its restart', (_name, who, skew) => {
    const { net, checker, node } = downForTenEpochs(who, skew)
    net.run({ untilUs: 16 * EPOCH_US + 1_000_000 })
    const others = view(net, 0)
    expect(others.finalized.epoch).toBe(14)
    expect(view(net, node)).toMatchObject({ justified: others.justified, finalized: others.finalized })
    // …and keeps up with them.
    net.run({ untilUs: 19 * EPOCH_US + 1_000_000 })
    expect(view(net, node).finalized).toEqual(view(net, 0).finalized)
    expect(view(net, node).finalized.epoch).toBe(17)
    expect(checker.summary()).toMatchObject({ safety: 'ok' })
  })

  it('a node joining after the orphaned-votes fork rebuilds the same finality from the main chain alone', () => {
    const { net } = downForTenEpochs('validator', true)
    net.run({ untilUs: 18 * EPOCH_US })
    const late = (net.apply({ type: 'add-node' }) as { node: number }).node
    net.run({ untilUs: 19 * EPOCH_US + 1_000_000 })
    expect(view(net, late)).toMatchObject({ validator: false, justified: view(net, 0).justified, finalized: view(net, 0).finalized })
    expect(view(net, late).finalized.epoch).toBe(17)
  })
})

describe('PoS: the chain carries the votes of the supermajority links its checkpoints rest on', () => {
  it('the tally hands out each justifying or finalizing link once, with its votes', () => {
    const book = createVoteBook()
    const tally = new FfgTally(3, (s, t) => t.epoch > s.epoch)
    const toOne = [0, 1].map((v) => book.intern(v, cp(0, 0), cp(1, 8)))
    for (const v of toOne) tally.add(v, 1)
    const first = tally.process(1)
    expect(first.links).toHaveLength(1)
    expect(first.links[0]).toMatchObject({ source: cp(0, 0), target: cp(1, 8), votes: toOne })
    // A late third vote does not hand the link out again; an unjustified source gives nothing.
    tally.add(book.intern(2, cp(0, 0), cp(1, 8)), 1)
    for (const v of [0, 1, 2]) tally.add(book.intern(v, cp(5, 40), cp(6, 48)), 1)
    expect(tally.process(6).links).toEqual([])
  })

  it('a proposal adds the votes of a link into its chain that the chain does not include yet', () => {
    const store = createBlockStore()
    const bodies = new BlockBodies(new BlockSlots(), 8)
    const book = createVoteBook()
    // 1 ← 2 (includes vote 0) on the main chain; 1 ← 3 (includes votes 1 and 2) orphaned.
    const b1 = store.add(0, 0, 0, 1, 100)
    bodies.record(b1, 8, [])
    const votes = [0, 1, 2].map((v) => book.intern(v, cp(0, 0), cp(1, b1)))
    const link = { source: cp(0, 0), target: cp(1, b1), votes }
    const b2 = store.add(b1, 1, 0, 1, 100)
    bodies.record(b2, 9, [votes[0]!])
    const b3 = store.add(b1, 2, 0, 1, 100)
    bodies.record(b3, 10, [votes[1]!, votes[2]!])
    expect(bodies.carries(store, b2, votes[0]!)).toBe(true)
    expect(bodies.carries(store, b2, votes[1]!)).toBe(false)
    const body = [votes[2]!]
    bodies.evidence(store, b2, [link], body)
    expect(body).toEqual([votes[2], votes[1]])
    // A link into a block off the proposer's chain is not its chain's to carry.
    const off: typeof body = []
    bodies.evidence(store, b2, [{ ...link, target: cp(1, b3) }], off)
    expect(off).toEqual([])
  })
})
