/**
 * Configs that could only stall or corrupt a run are refused up front, naming the field: a
 * protocol with voting and nobody allowed to vote, all voting power zero, more nodes than a
 * vote-table protocol can hold, a PoW block too small for any transaction. Zero-power validators
 * are not given proposer turns.
 */
import { describe, expect, it } from 'vitest'
import { InvalidFieldError } from '../../../runtime/errors/input.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'

const base = { seed: 1, nodes: 4, net: 'lan', topology: 'full-mesh', relay: { mode: 'inv', compact: false } }

function fieldOf(config: unknown): string {
  try {
    createNetwork(config)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidFieldError)
    return (error as InvalidFieldError).shortMessage
  }
  throw new Error('expected an InvalidFieldError')
}

describe('protocol config checks', () => {
  it('nobody with the validate role', () => {
    const config = { ...base, protocol: { kind: 'raft' }, members: { organisations: [{ name: 'a', nodes: [0, 1, 2, 3], roles: ['read', 'submit'] }] } }
    expect(fieldOf(config)).toContain('config.members.organisations')
  })

  it('all voting power or stake zero', () => {
    expect(fieldOf({ ...base, protocol: { kind: 'tendermint', power: [0, 0, 0, 0] } })).toContain('config.protocol.power')
    expect(fieldOf({ ...base, protocol: { kind: 'pos', stake: [0, 0, 0, 0] } })).toContain('config.protocol.stake')
  })

  it('too many nodes for a protocol whose nodes tally every validator', () => {
    expect(fieldOf({ ...base, nodes: 3000, topology: 'ring', protocol: { kind: 'tendermint' } })).toContain('config.nodes')
    expect(fieldOf({ ...base, nodes: 3000, topology: 'ring', protocol: { kind: 'pos' } })).toContain('config.nodes')
  })

  it('a PoW block with no room for transactions under a workload', () => {
    const config = { ...base, protocol: { kind: 'pow', intervalMs: 1000, blockSize: 900, hashPower: { kind: 'equal' } }, workload: { ratePerSec: 5 } }
    expect(fieldOf(config)).toContain('config.protocol.blockSize')
  })

  it('tendermint: a zero-power validator never gets a proposer turn, so no round is wasted on it', () => {
    const net = createNetwork({ ...base, protocol: { kind: 'tendermint', power: [1, 1, 1, 0], timeoutCommitMs: 0 } })
    net.run({ untilUs: 60_000_000 })
    const s = net.summary().protocol as { heights: number; extraRounds: number }
    expect(s.heights).toBeGreaterThan(100)
    expect(s.extraRounds).toBe(0)
  })
})
