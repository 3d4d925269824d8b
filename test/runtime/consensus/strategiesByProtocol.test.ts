/**
 * Each protocol accepts only the byzantine strategies it models; the rest are refused with a
 * reason (config: the field; command: both languages) instead of silently changing nothing.
 */
import { describe, expect, it } from 'vitest'
import { createRunChecker } from '../../../runtime/check/runChecker.ts'
import { PROTOCOL_STRATEGIES } from '../../../runtime/consensus/registry.ts'
import { CommandRejectedError, InvalidFieldError } from '../../../runtime/errors/input.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'

const S = 1_000_000

describe('byzantine strategies per protocol', () => {
  it('a config naming a strategy the protocol does not model fails on the field, listing the valid ones', () => {
    const config = { ...configFromPreset('raft-consortium', 1), byzantine: [{ node: 0, strategy: 'withholding' }] }
    let error: unknown
    try {
      createNetwork(config)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidFieldError)
    expect((error as InvalidFieldError).shortMessage).toContain('config.byzantine[0].strategy')
    expect((error as InvalidFieldError).message).toContain('censorship')
  })

  it('set-byzantine with a strategy the protocol does not model is rejected in both languages; a modeled one is accepted', () => {
    const net = createNetwork(configFromPreset('bft', 2, { nodes: 4, workload: undefined }))
    let error: unknown
    try {
      net.apply({ type: 'set-byzantine', node: 1, strategy: 'selfish-mining' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CommandRejectedError)
    expect((error as CommandRejectedError).reason.en).toContain('no effect under tendermint')
    expect((error as CommandRejectedError).reason.ko).toContain('tendermint')
    expect(net.apply({ type: 'set-byzantine', node: 1, strategy: 'equivocation' }).ok).toBe(true)
  })

  it('every protocol models censorship, and PoW keeps all of its mining strategies', () => {
    for (const strategies of Object.values(PROTOCOL_STRATEGIES)) expect(strategies).toContain('censorship')
    expect(PROTOCOL_STRATEGIES.pow).toEqual(expect.arrayContaining(['selfish-mining', 'double-spend', 'withholding', 'invalid-blocks']))
  })

  it('tendermint: an invalid-blocks proposer never gets its blocks finalized, and the others keep committing', () => {
    const config = { ...configFromPreset('bft', 3, { nodes: 4, net: 'lan', workload: undefined }), byzantine: [{ node: 1, strategy: 'invalid-blocks' as const }] }
    const net = createNetwork(config)
    const checker = createRunChecker(net, { byzantine: [1] })
    const finalizedByHonest: number[] = []
    net.subscribe({ types: ['finalized'] }, (n) => {
      if (n.type === 'finalized' && n.node !== 1) finalizedByHonest.push(n.block)
    })
    net.run({ untilUs: 120 * S })
    const miners = new Set(finalizedByHonest.map((b) => (net.query({ type: 'block', block: b }) as { miner: number }).miner))
    expect(finalizedByHonest.length).toBeGreaterThan(20)
    expect(miners.has(1)).toBe(false)
    expect(miners.size).toBe(3)
    expect(checker.summary()).toMatchObject({ safety: 'ok', liveness: 'ok' })
  })
})
