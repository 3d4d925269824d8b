import { describe, expect, it } from 'vitest'
import { BaseError } from '../../../runtime/errors/base.ts'
import { CommandRejectedError, InvalidFieldError } from '../../../runtime/errors/input.ts'
import { parseNetworkConfig } from '../../../runtime/sim/config.ts'
import { createNetwork } from '../../../runtime/sim/network.ts'
import type { Notification } from '../../../runtime/sim/notifications.ts'
import { configFromPreset, getPreset, PRESET_NAMES } from '../../../runtime/sim/presets.ts'

function fieldOf(fn: () => unknown): { field: string; choices: readonly string[] | undefined; ko: string } {
  try {
    fn()
  } catch (error) {
    if (error instanceof InvalidFieldError) return { field: error.field, choices: error.choices, ko: error.messageKo }
    throw error
  }
  throw new Error('expected an InvalidFieldError')
}

describe('config validation names the field', () => {
  const good = configFromPreset('pow-lan', 1)
  it.each([
    [{ ...good, nodes: -3 }, 'config.nodes'],
    [{ ...good, nodes: 2.5 }, 'config.nodes'],
    [{ ...good, nodes: '8' }, 'config.nodes'],
    [{ ...good, seed: 1.5 }, 'config.seed'],
    [{ ...good, net: 'moon' }, 'config.net'],
    [{ ...good, net: { kind: 'fixed', latencyMs: -1 } }, 'config.net.latencyMs'],
    [{ ...good, topology: 'cube' }, 'config.topology'],
    [{ ...good, nodez: 4 }, 'config.nodez'],
    [{ ...good, protocol: { ...good.protocol, intervalMs: 0 } }, 'config.protocol.intervalMs'],
    [{ ...good, protocol: { ...good.protocol, hashPower: { kind: 'shares', shares: [1, 2] } } }, 'config.protocol.hashPower.shares'],
    [{ ...good, protocol: { ...good.protocol, nonceBits: 40 } }, 'config.protocol.nonceBits'],
    [{ ...good, relay: { mode: 'flood', compact: false } }, 'config.relay.mode'],
    [{ ...good, byzantine: [{ node: 9, strategy: 'selfish-mining' }] }, 'config.byzantine[0].node'],
    [{ ...good, byzantine: [{ node: 1, strategy: 'lying' }] }, 'config.byzantine[0].strategy'],
    [{ ...good, gamma: 1.5 }, 'config.gamma'],
    [null, 'config'],
  ])('%j → %s', (config, field) => {
    const e = fieldOf(() => parseNetworkConfig(config))
    expect(e.field).toBe(field)
    expect(e.ko).toContain(field)
  })

  it('lists valid choices for closed sets, in both languages', () => {
    const e = fieldOf(() => parseNetworkConfig({ ...good, net: 'moon' }))
    expect(e.choices).toEqual(['lan', 'wan', 'bitcoin-2019'])
    expect(e.ko).toContain('가능한 값: lan, wan, bitcoin-2019')
    expect(fieldOf(() => getPreset('nope')).choices).toEqual(PRESET_NAMES)
  })
})

describe('commands and queries', () => {
  const net = createNetwork(configFromPreset('pow-lan', 1))
  it.each([
    [{ type: 'explode' }, 'command.type'],
    [{ type: 'crash' }, 'command.node'],
    [{ type: 'crash', node: 99 }, 'command.node'],
    [{ type: 'crash', node: 1, extra: true }, 'command.extra'],
    [{ type: 'partition', groups: [] }, 'command.groups'],
    [{ type: 'partition', groups: [[0, 1], [1, 2]] }, 'command.groups[1][0]'],
    [{ type: 'set-link-fault', link: [0], fault: {} }, 'command.link'],
    [{ type: 'set-link-fault', fault: { drop: 2 } }, 'command.fault.drop'],
    [{ type: 'tamper', node: 1, block: 1 }, 'command.data'],
    [{ type: 'mine', node: 0, atUs: -5 }, 'command.atUs'],
    ['crash', 'command'],
    [{ type: 'set-byzantine', node: 1, strategy: 'evil' }, 'command.strategy'],
  ])('command %j → %s', (command, field) => {
    expect(fieldOf(() => net.apply(command)).field).toBe(field)
  })

  it.each([
    [{ type: 'heads', hashes: 'yes' }, 'query.hashes'],
    [{ type: 'chain' }, 'query.node'],
    [{ type: 'block', block: 10_000 }, 'query.block'],
    [{ type: 'everything' }, 'query.type'],
  ])('query %j → %s', (query, field) => {
    expect(fieldOf(() => net.query(query)).field).toBe(field)
  })

  it('bad input loses nothing: the network is unchanged after rejected commands', () => {
    const before = net.query({ type: 'status' })
    expect(() => net.apply({ type: 'restart', node: 1 })).toThrow(CommandRejectedError)
    expect(() => net.apply({ type: 'crash', node: 1, extra: 1 })).toThrow(BaseError)
    expect(net.query({ type: 'status' })).toEqual(before)
    expect(net.inputs).toHaveLength(0)
  })

  it('a rejected add-node (removed peer, bad region) creates no node', () => {
    const n = createNetwork(configFromPreset('pow-lan', 6))
    n.apply({ type: 'remove-node', node: 7 })
    expect(() => n.apply({ type: 'add-node', peers: [1, 7] })).toThrow(/peer 7 was removed/)
    expect(() => n.apply({ type: 'add-node', region: 3 })).toThrow(InvalidFieldError)
    expect((n.query({ type: 'nodes' }) as unknown[]).length).toBe(8)
    expect(n.apply({ type: 'add-node', peers: [1] }).node).toBe(8)
  })

  it('run() needs a bound (a PoW network never runs out of events) and honours maxEvents', () => {
    const n = createNetwork(configFromPreset('pow-lan', 4))
    expect(() => n.run({})).toThrow(/untilUs, stopAtHeight, maxEvents/)
    expect(n.run({ maxEvents: 25 })).toMatchObject({ reason: 'max-events', events: 25 })
    expect(n.events).toBe(25)
  })

  it('a command with a future atUs is scheduled and runs then', () => {
    const n = createNetwork(configFromPreset('pow-lan', 2))
    const r = n.apply({ type: 'crash', node: 4, atUs: 5_000_000 })
    expect(r.scheduled).toBe(true)
    n.runUntil(4_999_999)
    expect((n.query({ type: 'node', node: 4 }) as { status: string }).status).toBe('up')
    n.runUntil(5_000_000)
    expect((n.query({ type: 'node', node: 4 }) as { status: string }).status).toBe('crashed')
    expect(() => n.runUntil(10)).toThrow(/runUntil.t/)
  })
})

describe('subscribe', () => {
  it('delivers only the requested types and nodes, until unsubscribed', () => {
    const net = createNetwork(configFromPreset('pow-lan', 3))
    const all: Notification[] = []
    const onlyNode5: Notification[] = []
    const stopAll = net.subscribe({}, (n) => all.push(n))
    net.subscribe({ types: ['tip-changed'], nodes: [5] }, (n) => onlyNode5.push(n))
    net.apply({ type: 'crash', node: 2 })
    net.run({ stopAtHeight: 3 })
    expect(new Set(all.map((n) => n.type))).toEqual(new Set(['command', 'node-status', 'block-mined', 'tip-changed']))
    expect(all.filter((n) => n.type === 'block-mined')).toHaveLength(3)
    expect(onlyNode5.length).toBe(3)
    expect(onlyNode5.every((n) => n.type === 'tip-changed' && n.node === 5)).toBe(true)
    stopAll()
    const count = all.length
    net.run({ stopAtHeight: 5 })
    expect(all.length).toBe(count)
    expect(onlyNode5.length).toBe(5)
    // Notifications are plain data: they survive structured cloning (Workers, IPC).
    expect(structuredClone(onlyNode5)).toEqual(onlyNode5)
  })
})
