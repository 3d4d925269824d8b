/**
 * Network configuration: a plain JSON object (so it travels through workers, the sandbox and
 * files) describing the protocol, network model, topology, relay and node count — and its
 * validation, which names the field at fault.
 *
 * @module
 */
import { InvalidFieldError } from '../errors/input.ts'
import { STRATEGY_NAMES } from '../node/strategies/registry.ts'
import type { StrategyName } from '../node/strategies/registry.ts'
import { TOPOLOGY_KINDS } from '../net/topology.ts'
import type { TopologyKind } from '../net/topology.ts'
import {
  expectBoolean,
  expectChoice,
  expectInteger,
  expectKnownKeys,
  expectNumber,
  expectRecord,
  isRecord,
} from './validate.ts'

export const NET_MODEL_NAMES = ['lan', 'wan', 'bitcoin-2019'] as const
export type NetModelName = (typeof NET_MODEL_NAMES)[number]

export type NetSpec = NetModelName | { kind: 'fixed'; latencyMs: number }

export type HashPowerSpec =
  | { kind: 'normal'; mean: number; stdev: number }
  | { kind: 'equal' }
  | { kind: 'shares'; shares: number[] }

export interface PowConfig {
  kind: 'pow'
  /** Target mean block interval, ms. */
  intervalMs: number
  blockSize: number
  hashPower: HashPowerSpec
  /** Retarget difficulty every N blocks (omit for fixed difficulty). */
  retargetEvery?: number | undefined
  /** Real nonce search with this many leading zero bits (0–24; lessons). */
  nonceBits?: number | undefined
}

export interface RelayConfig {
  mode: 'inv' | 'push'
  /** Compact block relay with SimBlock's 2019 settings. */
  compact: boolean
}

export interface ByzantineAssignment {
  node: number
  strategy: StrategyName
  /** double-spend: honest blocks the merchant waits for. */
  confirmations?: number | undefined
  /** double-spend: deficit at which a race is abandoned. */
  giveUpBehind?: number | undefined
}

export interface NetworkConfig {
  seed: number
  nodes: number
  net: NetSpec
  topology: TopologyKind
  protocol: PowConfig
  relay: RelayConfig
  /** Byzantine nodes and their strategies (default: everyone honest). */
  byzantine?: ByzantineAssignment[] | undefined
  /**
   * Eyal–Sirer's γ: in a tie between a byzantine node's block and an honest one, an honest node
   * follows the byzantine block with this probability (default: the block seen first).
   */
  gamma?: number | undefined
}

/** Limits that keep a run inside memory (and a mistyped `--nodes 1e9` from freezing the app). */
export const MAX_NODES = 200_000

/**
 * Validates `input` as a {@link NetworkConfig}.
 * @throws {@link InvalidFieldError} naming the first bad field.
 */
export function parseNetworkConfig(input: unknown): NetworkConfig {
  const c = expectRecord(input, 'config')
  expectKnownKeys(c, 'config', ['seed', 'nodes', 'net', 'topology', 'protocol', 'relay', 'byzantine', 'gamma'])
  const seed = expectInteger(c.seed, 'config.seed', Number.MIN_SAFE_INTEGER)
  const nodes = expectInteger(c.nodes, 'config.nodes', 1, MAX_NODES)
  let net: NetSpec
  if (isRecord(c.net)) {
    expectKnownKeys(c.net, 'config.net', ['kind', 'latencyMs'])
    expectChoice(c.net.kind, 'config.net.kind', ['fixed'])
    net = { kind: 'fixed', latencyMs: expectNumber(c.net.latencyMs, 'config.net.latencyMs', 0, 3_600_000) }
  } else net = expectChoice(c.net, 'config.net', NET_MODEL_NAMES)
  const topology = expectChoice(c.topology, 'config.topology', TOPOLOGY_KINDS)
  const p = expectRecord(c.protocol, 'config.protocol')
  expectKnownKeys(p, 'config.protocol', ['kind', 'intervalMs', 'blockSize', 'hashPower', 'retargetEvery', 'nonceBits'])
  expectChoice(p.kind, 'config.protocol.kind', ['pow'])
  const protocol: PowConfig = {
    kind: 'pow',
    intervalMs: expectNumber(p.intervalMs, 'config.protocol.intervalMs', 0.001, 1e9),
    blockSize: expectInteger(p.blockSize, 'config.protocol.blockSize', 1, 1e9),
    hashPower: parseHashPower(p.hashPower, nodes),
  }
  if (p.retargetEvery !== undefined) protocol.retargetEvery = expectInteger(p.retargetEvery, 'config.protocol.retargetEvery', 2, 1e6)
  if (p.nonceBits !== undefined) protocol.nonceBits = expectInteger(p.nonceBits, 'config.protocol.nonceBits', 0, 24)
  const r = expectRecord(c.relay, 'config.relay')
  expectKnownKeys(r, 'config.relay', ['mode', 'compact'])
  const relay: RelayConfig = {
    mode: expectChoice(r.mode, 'config.relay.mode', ['inv', 'push'] as const),
    compact: expectBoolean(r.compact, 'config.relay.compact'),
  }
  const config: NetworkConfig = { seed, nodes, net, topology, protocol, relay }
  if (c.byzantine !== undefined) {
    if (!Array.isArray(c.byzantine)) {
      throw new InvalidFieldError({ field: 'config.byzantine', expected: { en: 'an array of {node, strategy}', ko: '{node, strategy}의 배열' }, got: c.byzantine })
    }
    config.byzantine = c.byzantine.map((entry, i) => {
      const e = expectRecord(entry, `config.byzantine[${i}]`)
      expectKnownKeys(e, `config.byzantine[${i}]`, ['node', 'strategy', 'confirmations', 'giveUpBehind'])
      const assignment: ByzantineAssignment = {
        node: expectInteger(e.node, `config.byzantine[${i}].node`, 0, nodes - 1),
        strategy: expectChoice(e.strategy, `config.byzantine[${i}].strategy`, STRATEGY_NAMES),
      }
      if (e.confirmations !== undefined) assignment.confirmations = expectInteger(e.confirmations, `config.byzantine[${i}].confirmations`, 1, 1000)
      if (e.giveUpBehind !== undefined) assignment.giveUpBehind = expectInteger(e.giveUpBehind, `config.byzantine[${i}].giveUpBehind`, 1, 10_000)
      return assignment
    })
  }
  if (c.gamma !== undefined) config.gamma = expectNumber(c.gamma, 'config.gamma', 0, 1)
  return config
}

function parseHashPower(input: unknown, nodes: number): HashPowerSpec {
  const h = expectRecord(input, 'config.protocol.hashPower')
  const kind = expectChoice(h.kind, 'config.protocol.hashPower.kind', ['normal', 'equal', 'shares'] as const)
  if (kind === 'equal') return { kind }
  if (kind === 'normal') {
    return {
      kind,
      mean: expectNumber(h.mean, 'config.protocol.hashPower.mean', 0),
      stdev: expectNumber(h.stdev, 'config.protocol.hashPower.stdev', 0),
    }
  }
  if (!Array.isArray(h.shares) || h.shares.length !== nodes) {
    throw new InvalidFieldError({
      field: 'config.protocol.hashPower.shares',
      expected: { en: `an array of ${nodes} numbers (one per node)`, ko: `노드마다 하나씩, ${nodes}개의 수로 된 배열` },
      got: h.shares,
    })
  }
  const shares = h.shares.map((s, i) => expectNumber(s, `config.protocol.hashPower.shares[${i}]`, 0))
  if (!shares.some((s) => s > 0)) {
    throw new InvalidFieldError({ field: 'config.protocol.hashPower.shares', expected: { en: 'at least one share > 0', ko: '0보다 큰 몫이 하나 이상' }, got: shares })
  }
  return { kind, shares }
}
