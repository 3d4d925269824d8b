/**
 * The EVM inside simulated networks: one execution per block for all honest nodes, a byzantine
 * producer's blocks rejected because their state root is not the honest one, transactions sent to
 * one node final on every node, and runs that repeat exactly.
 */
import { bytesToHex, createAddressFromString } from '@ethereumjs/util'
import { describe, expect, it } from 'vitest'
import { INVALID, UNKNOWN } from '../../../../runtime/chain/blockKnowledge.ts'
import { createNetworkNode } from '../../../../runtime/rpc/networkNode.ts'
import { signedTx } from './evmTestKit.ts'

const GENESIS = 1_700_000_000n

async function bftWithTransfers(options: { byzantine?: boolean; seed?: number } = {}) {
  const network = await createNetworkNode({
    preset: 'bft',
    seed: options.seed ?? 1,
    overrides: { nodes: 4, ...(options.byzantine ? { byzantine: [{ node: 1, strategy: 'invalid-blocks' as const }] } : {}) },
    genesisTimestamp: GENESIS,
  })
  const common = network.execution.engine.common
  const key = (i: number) => network.chain(0).accounts[i]!.privateKey
  const to = network.accounts[9]!.address
  const hashes: string[] = []
  for (let i = 0; i < 3; i++) {
    for (let sender = 0; sender < 3; sender++) {
      hashes.push(await network.chain(sender === 2 ? 2 : 0).submit(signedTx(common, key(sender), { nonce: BigInt(i), to, value: 10n ** 18n, gasLimit: 21_000n })))
    }
    await network.driver.advanceTo(network.net.now + 700_000)
  }
  const allFinal = () =>
    [0, 2, 3].every((n) => {
      const chain = network.chain(n)
      return hashes.every((h) => {
        const located = chain.ledger.transaction(h as `0x${string}`)
        return located !== undefined && chain.finalizedNumber() >= located.executed.block.header.number
      })
    })
  const done = await network.driver.advanceUntil(allFinal, 60_000_000)
  return { network, hashes, done, to }
}

describe('EVM in a simulated network', () => {
  it('runs one execution per block for all honest nodes; transactions sent to node 0 are final on node 3', async () => {
    const { network, hashes, done, to } = await bftWithTransfers()
    expect(done).toBe(true)
    const engine = network.execution.engine
    expect(network.execution.stats.blocks).toBeGreaterThan(0)
    // Four nodes accept every block, yet each block ran once.
    expect(engine.stats.executions).toBe(network.execution.stats.blocks)
    const node3 = network.chain(3)
    const head = node3.ledger.head()
    const balance = (await engine.account(head.block.header.stateRoot, createAddressFromString(to)))!.balance
    expect(balance).toBe(10_000n * 10n ** 18n + BigInt(hashes.length) * 10n ** 18n)
    // Every node's view of a shared height is the same block.
    const h = node3.finalizedNumber()
    expect(network.chain(0).ledger.blockByNumber(h)!.hash).toBe(node3.ledger.blockByNumber(h)!.hash)
  })

  it('a byzantine producer that mints itself coins is rejected through the state-root mismatch', async () => {
    const { network, hashes, done } = await bftWithTransfers({ byzantine: true })
    expect(done).toBe(true)
    const w = network.execution.world()
    const byzantineBlocks: number[] = []
    for (let b = 1; b < w.store.count; b++) if (w.store.miner(b) === 1) byzantineBlocks.push(b)
    expect(byzantineBlocks.length).toBeGreaterThan(0)
    expect(network.execution.stats.divergent).toBe(byzantineBlocks.length)
    for (const b of byzantineBlocks) {
      const claimed = network.execution.result(b)!
      const honest = network.execution.reference(b)!
      // Same transactions, different state root: that difference is the rejection.
      expect(claimed.outcomes.map((o) => o.hash)).toEqual(honest.outcomes.map((o) => o.hash))
      expect(bytesToHex(claimed.block.header.stateRoot)).not.toBe(bytesToHex(honest.block.header.stateRoot))
      expect(w.store.isInvalid(b)).toBe(true)
      for (const n of [0, 2, 3]) {
        expect([INVALID, UNKNOWN]).toContain(w.knowledge.get(b, n))
        expect(network.chain(n).ledger.blockByHash(claimed.hash)).toBeDefined()
        expect(network.chain(n).ledger.blockByNumber(claimed.block.header.number)!.hash).not.toBe(claimed.hash)
      }
    }
    // The honest chain never credits the byzantine coinbase.
    const coinbase = network.execution.coinbaseOf(1)
    const head = network.chain(3).ledger.head()
    expect((await network.execution.engine.account(head.block.header.stateRoot, coinbase))?.balance ?? 0n).toBeLessThan(10n ** 18n)
    expect(hashes.every((h) => network.chain(3).ledger.transaction(h as `0x${string}`) !== undefined)).toBe(true)
    // And the honest nodes agree on every final block.
    expect(w.finality.conflicts).toHaveLength(0)
  })

  it('repeats exactly: the same inputs give the same trace hash and the same chain', async () => {
    const a = await bftWithTransfers({ seed: 3 })
    const b = await bftWithTransfers({ seed: 3 })
    expect(a.network.net.traceHash()).toBe(b.network.net.traceHash())
    expect(a.network.chain(3).ledger.head().hash).toBe(b.network.chain(3).ledger.head().hash)
    expect(a.network.net.now).toBe(b.network.net.now)
  })
})

describe('EVM on every consensus protocol', () => {
  for (const [preset, overrides] of [
    ['pow-lan', { nodes: 5 }],
    ['pos', { nodes: 4 }],
    ['raft-consortium', {}],
    ['poa', {}],
  ] as const) {
    it(`${preset}: a transfer sent to one node is final on another`, async () => {
      const network = await createNetworkNode({ preset, overrides, genesisTimestamp: GENESIS })
      const w = network.execution.world()
      const nodes = network.net.config.nodes
      const entry = [...Array(nodes).keys()].find((n) => w.members.can(n, 'submit'))!
      const observer = (entry + 1) % nodes
      const common = network.execution.engine.common
      const to = network.accounts[7]!.address
      const hash = await network.chain(entry).submit(signedTx(common, network.chain(entry).accounts[0]!.privateKey, { nonce: 0n, to, value: 5n, gasLimit: 21_000n }))
      // Sent, not mined yet: pending at the node it was sent to, and once the network has it
      // (the next advance), at the others too.
      expect(network.chain(entry).pendingTransactions().map((tx) => bytesToHex(tx.hash()))).toEqual([hash])
      await network.driver.advanceTo(network.net.now + 1)
      expect(network.chain(observer).pendingTransactions().map((tx) => bytesToHex(tx.hash()))).toEqual([hash])
      const final = () => {
        const located = network.chain(observer).ledger.transaction(hash)
        return located !== undefined && network.chain(observer).finalizedNumber() >= located.executed.block.header.number
      }
      expect(await network.driver.advanceUntil(final, 600_000_000, 1_000_000)).toBe(true)
      expect(network.chain(observer).pendingTransactions()).toEqual([])
      const head = network.chain(observer).ledger.head()
      expect((await network.execution.engine.account(head.block.header.stateRoot, createAddressFromString(to)))!.balance).toBe(10_000n * 10n ** 18n + 5n)
      expect(network.execution.engine.stats.executions).toBe(network.execution.stats.blocks)
    })
  }
})
