import { describe, expect, it } from 'vitest'
import { POS_DEFAULTS, parsePosConfig } from '../../../../runtime/consensus/pos/posConfig.ts'
import { parseProtocolConfig } from '../../../../runtime/consensus/registry.ts'
import { InvalidFieldError } from '../../../../runtime/errors/input.ts'
import { createNetwork } from '../../../../runtime/sim/network.ts'
import { posConfig } from './posTestConfig.ts'

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    if (error instanceof InvalidFieldError) return error.field
    throw error
  }
  return undefined
}

describe('PoS config', () => {
  it('defaults: 2 s slots (fast, for lessons), 8-slot epochs, equal stake', () => {
    expect(parseProtocolConfig({ kind: 'pos' }, 4)).toEqual({ kind: 'pos', ...POS_DEFAULTS })
    expect(POS_DEFAULTS).toMatchObject({ slotMs: 2000, slotsPerEpoch: 8 })
    expect(parsePosConfig({ kind: 'pos', slotMs: 12000, slotsPerEpoch: 32, stake: [32, 32, 64] }, 3)).toMatchObject({ slotMs: 12000, slotsPerEpoch: 32, stake: [32, 32, 64] })
    // The liveness unit is two epochs.
    expect(createNetwork(posConfig(3, {}, { slotMs: 1000, slotsPerEpoch: 4 })).protocol.baseTimeoutUs).toBe(8_000_000)
  })

  it('errors name the field', () => {
    const bad = (p: Record<string, unknown>, nodes = 3) => fieldOf(() => parseProtocolConfig({ kind: 'pos', ...p }, nodes))
    expect(bad({ slotMs: 0 })).toBe('config.protocol.slotMs')
    expect(bad({ slotMs: '2000' })).toBe('config.protocol.slotMs')
    expect(bad({ slotsPerEpoch: 1.5 })).toBe('config.protocol.slotsPerEpoch')
    expect(bad({ slotsPerEpoch: 0 })).toBe('config.protocol.slotsPerEpoch')
    expect(bad({ blockSize: 0 })).toBe('config.protocol.blockSize')
    expect(bad({ maxTxPerBlock: -1 })).toBe('config.protocol.maxTxPerBlock')
    expect(bad({ attestationBytes: 0 })).toBe('config.protocol.attestationBytes')
    expect(bad({ verifyUs: -5 })).toBe('config.protocol.verifyUs')
    expect(bad({ stake: [1, 2] })).toBe('config.protocol.stake')
    expect(bad({ stake: 5 })).toBe('config.protocol.stake')
    expect(bad({ stake: [1, -2, 3] })).toBe('config.protocol.stake[1]')
    expect(bad({ stake: [0, 0, 0] })).toBe('config.protocol.stake')
    expect(bad({ slotms: 2000 })).toBe('config.protocol.slotms')
    expect(fieldOf(() => createNetwork(posConfig(3, {}, { slotsPerEpoch: 'eight' })))).toBe('config.protocol.slotsPerEpoch')
  })
})
