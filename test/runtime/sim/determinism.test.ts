import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { NetworkConfig } from '../../../runtime/sim/config.ts'
import { createNetwork, replayNetwork } from '../../../runtime/sim/network.ts'
import { configFromPreset } from '../../../runtime/sim/presets.ts'

const root = fileURLToPath(new URL('../../..', import.meta.url))

function runHash(config: NetworkConfig, blocks: number, commands: unknown[] = []): string {
  const net = createNetwork(config)
  for (const c of commands) net.apply(c)
  net.run({ stopAtHeight: blocks })
  return net.traceHash()
}

describe('determinism', () => {
  const config = configFromPreset('bitcoin-2019', 7, { nodes: 300 })

  it('same config, seed and inputs give the same trace hash twice in one process', () => {
    expect(runHash(config, 10)).toBe(runHash(config, 10))
  })

  it('a different seed gives a different hash', () => {
    expect(runHash(config, 10)).not.toBe(runHash({ ...config, seed: 8 }, 10))
  })

  it('one link latency changed by 1 µs gives a different hash', () => {
    const fixed: NetworkConfig = { ...configFromPreset('pow-lan', 3), net: { kind: 'fixed', latencyMs: 5 } }
    const a = runHash(fixed, 5, [{ type: 'set-link-fault', link: [0, 1], fault: { delayMs: 0 } }])
    const b = runHash(fixed, 5, [{ type: 'set-link-fault', link: [0, 1], fault: { delayMs: 0.001 } }])
    const c = runHash(fixed, 5, [{ type: 'set-link-fault', link: [0, 1], fault: { delayMs: 0 } }])
    expect(a).toBe(c)
    expect(a).not.toBe(b)
  })

  it('the same run in two separate processes (the CLI) gives the in-process hash', () => {
    const cli = (): { traceHash: string; events: number } =>
      JSON.parse(
        execFileSync(process.execPath, ['bin/playground.js', 'sim', '--preset', 'bitcoin-2019', '--nodes', '300', '--seed', '7', '--blocks', '10', '--json'], {
          cwd: root,
          encoding: 'utf8',
        }),
      )
    const first = cli()
    const second = cli()
    expect(first.traceHash).toBe(second.traceHash)
    expect(first.traceHash).toBe(runHash(config, 10))
  })

  it('replay = config + seed + recorded inputs reproduces the trace, commands and all', () => {
    const lan = configFromPreset('pow-lan', 5)
    const net = createNetwork(lan)
    net.run({ untilUs: 60_000_000 })
    net.apply({ type: 'crash', node: 2 })
    net.step()
    net.step()
    net.apply({ type: 'mine', node: 0 }) // mid-timestamp: recorded with its event count
    net.apply({ type: 'partition', groups: [[0, 1, 2, 3], [4, 5, 6, 7]], atUs: 200_000_000 })
    net.run({ untilUs: 150_000_000 })
    net.apply({ type: 'restart', node: 2 })
    net.apply({ type: 'add-node' })
    net.apply({ type: 'heal', atUs: 400_000_000 })
    net.run({ untilUs: 600_000_000 })
    expect(net.inputs.length).toBe(6)

    const copy = replayNetwork(lan, net.inputs)
    copy.run({ untilUs: 600_000_000 })
    expect(copy.events).toBe(net.events)
    expect(copy.traceHash()).toBe(net.traceHash())
    expect(copy.query({ type: 'heads' })).toEqual(net.query({ type: 'heads' }))
  })
})
