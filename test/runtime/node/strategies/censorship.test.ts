/**
 * Censorship in Tendermint: one validator of four (node 1) leaves sender 7's transactions out of
 * every block it proposes, while it keeps including everyone else's; the other proposers still
 * finalize sender 7's transactions — including those submitted at the censor itself, which it
 * still gossips. The same run without the censor puts sender 7's transactions in node 1's blocks,
 * so the check is not vacuous.
 */
import { describe, expect, it } from 'vitest'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import type { Network } from '../../../../runtime/sim/network.ts'

const S = 1_000_000
const CENSOR = 1
const VICTIM = 7
const END_US = 12 * S

type Setup = 'config' | 'command' | 'none'

function run(setup: Setup): Network {
  const net = createNetwork({
    seed: 3,
    nodes: 4,
    net: 'lan',
    topology: 'full-mesh',
    protocol: { kind: 'tendermint', timeoutCommitMs: 200 },
    relay: { mode: 'inv', compact: false },
    // Ten senders: the workload itself sends some of sender 7's transactions too.
    workload: { ratePerSec: 50, senders: 10 },
    ...(setup === 'config' ? { byzantine: [{ node: CENSOR, strategy: 'censorship', censorSender: VICTIM }] } : {}),
  })
  if (setup === 'command') net.apply({ type: 'set-byzantine', node: CENSOR, strategy: 'censorship', censorSender: VICTIM })
  // Sender 7 submits at every node (the censor included), four times a second, with a high fee.
  for (let i = 0; i < 36; i++) {
    for (const node of [0, 1, 2, 3]) net.apply({ type: 'submit-tx', node, sender: VICTIM, fee: 1000, atUs: i * 250_000 + node * 1000 + 1 })
  }
  net.run({ untilUs: END_US })
  return net
}

interface Tally {
  victimSubmitted: number
  victimFinal: number
  victimInCensorBlocks: number
  othersInCensorBlocks: number
  victimByProposer: Map<number, number>
  /** Sender 7's transactions submitted at least 2 s before the end that are not final. */
  victimStuck: number[]
}

function tally(net: Network): Tally {
  const t: Tally = { victimSubmitted: 0, victimFinal: 0, victimInCensorBlocks: 0, othersInCensorBlocks: 0, victimByProposer: new Map(), victimStuck: [] }
  const minerOf = new Map<number, number>()
  const { submitted } = net.summary().transactions!
  for (let tx = 0; tx < submitted; tx++) {
    const v = net.query({ type: 'tx', tx }) as { sender: number; status: string; block: number | null; submittedUs: number }
    if (v.sender === VICTIM) t.victimSubmitted++
    // `block` is the latest block that carried it: a final one, or a proposal that may still fail.
    if (v.block !== null) {
      let miner = minerOf.get(v.block)
      if (miner === undefined) {
        miner = (net.query({ type: 'block', block: v.block }) as { miner: number }).miner
        minerOf.set(v.block, miner)
      }
      if (miner === CENSOR) {
        if (v.sender === VICTIM) t.victimInCensorBlocks++
        else t.othersInCensorBlocks++
      }
      if (v.sender === VICTIM && v.status === 'final') t.victimByProposer.set(miner, (t.victimByProposer.get(miner) ?? 0) + 1)
    }
    if (v.sender !== VICTIM) continue
    if (v.status === 'final') t.victimFinal++
    else if (v.submittedUs < END_US - 2 * S) t.victimStuck.push(tx)
  }
  return t
}

describe('censorship (tendermint)', () => {
  it.each(['config', 'command'] as const)('censor set by %s: sender 7 never appears in node 1’s blocks, yet is finalized by the others', (setup) => {
    const net = run(setup)
    expect((net.query({ type: 'node', node: CENSOR }) as { strategy: string }).strategy).toBe('censorship')
    const t = tally(net)
    expect(t.victimSubmitted).toBeGreaterThan(144)
    expect(t.victimInCensorBlocks).toBe(0)
    // The censor is not idle: it proposes blocks with everyone else's transactions.
    expect(t.othersInCensorBlocks).toBeGreaterThan(20)
    // Every one of sender 7's transactions (but the last couple of seconds') is final, through
    // the three other proposers.
    expect(t.victimStuck).toEqual([])
    expect(t.victimFinal).toBeGreaterThan(0.9 * t.victimSubmitted)
    expect(t.victimByProposer.has(CENSOR)).toBe(false)
    expect([...t.victimByProposer.keys()].sort()).toEqual([0, 2, 3])
    // Finality itself is unharmed: honest validators keep up.
    expect(net.summary().finalizedHeight).toBeGreaterThan(20)
  })

  it('without the censor, node 1’s blocks do carry sender 7’s transactions', () => {
    const t = tally(run('none'))
    expect(t.victimInCensorBlocks).toBeGreaterThan(10)
    expect(t.victimStuck).toEqual([])
  })

  it('turning the censor honest again lets sender 7 back into its blocks', () => {
    const net = createNetwork({
      seed: 3,
      nodes: 4,
      net: 'lan',
      topology: 'full-mesh',
      protocol: { kind: 'tendermint', timeoutCommitMs: 200 },
      relay: { mode: 'inv', compact: false },
      byzantine: [{ node: CENSOR, strategy: 'censorship', censorSender: VICTIM }],
    })
    net.apply({ type: 'set-byzantine', node: CENSOR, strategy: 'honest', atUs: 3 * S })
    for (let i = 0; i < 24; i++) net.apply({ type: 'submit-tx', node: CENSOR, sender: VICTIM, atUs: i * 250_000 + 1 })
    net.run({ untilUs: 8 * S })
    const inCensorBlocks = { before: 0, after: 0 }
    for (let tx = 0; tx < 24; tx++) {
      const v = net.query({ type: 'tx', tx }) as { status: string; block: number }
      expect(v.status).toBe('final')
      const block = net.query({ type: 'block', block: v.block }) as { miner: number; timeMs: number }
      if (block.miner === CENSOR) inCensorBlocks[block.timeMs < 3000 ? 'before' : 'after']++
    }
    expect(inCensorBlocks.before).toBe(0)
    expect(inCensorBlocks.after).toBeGreaterThan(0)
  })
})
