/**
 * Network configuration: a plain JSON object (so it travels through workers, the sandbox and
 * files) describing the protocol, network model, topology, relay and node count — and its
 * validation, which names the field at fault.
 *
 * @module
 */
import type { ProtocolConfig } from '../consensus/registry.ts'
import { PROTOCOL_STRATEGIES, parseProtocolConfig } from '../consensus/registry.ts'
import { POW_BLOCK_BASE_BYTES } from '../consensus/pow/powConfig.ts'
import { InvalidFieldError } from '../errors/input.ts'
import type { MembersConfig } from '../node/members.ts'
import { parseMembersConfig } from '../node/members.ts'
import type { WorkloadConfig } from './workload.ts'
import { parseWorkloadConfig } from './workload.ts'
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

export type { HashPowerSpec, PowConfig } from '../consensus/pow/powConfig.ts'

export const NET_MODEL_NAMES = ['lan', 'wan', 'bitcoin-2019'] as const
export type NetModelName = (typeof NET_MODEL_NAMES)[number]

export type NetSpec = NetModelName | { kind: 'fixed'; latencyMs: number }

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
  /** censorship: the sender (account index) whose transactions are left out. */
  censorSender?: number | undefined
}

export interface NetworkConfig {
  seed: number
  nodes: number
  net: NetSpec
  topology: TopologyKind
  protocol: ProtocolConfig
  relay: RelayConfig
  /** A permissioned network's member registry (absent: public, anyone may do everything). */
  members?: MembersConfig | undefined
  /** Modeled transaction load (absent: blocks carry no transactions). */
  workload?: WorkloadConfig | undefined
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
  expectKnownKeys(c, 'config', ['seed', 'nodes', 'net', 'topology', 'protocol', 'relay', 'byzantine', 'gamma', 'members', 'workload'])
  const seed = expectInteger(c.seed, 'config.seed', Number.MIN_SAFE_INTEGER)
  const nodes = expectInteger(c.nodes, 'config.nodes', 1, MAX_NODES)
  let net: NetSpec
  if (isRecord(c.net)) {
    expectKnownKeys(c.net, 'config.net', ['kind', 'latencyMs'])
    expectChoice(c.net.kind, 'config.net.kind', ['fixed'])
    net = { kind: 'fixed', latencyMs: expectNumber(c.net.latencyMs, 'config.net.latencyMs', 0, 3_600_000) }
  } else net = expectChoice(c.net, 'config.net', NET_MODEL_NAMES)
  const topology = expectChoice(c.topology, 'config.topology', TOPOLOGY_KINDS)
  const protocol = parseProtocolConfig(c.protocol, nodes)
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
      expectKnownKeys(e, `config.byzantine[${i}]`, ['node', 'strategy', 'confirmations', 'giveUpBehind', 'censorSender'])
      const assignment: ByzantineAssignment = {
        node: expectInteger(e.node, `config.byzantine[${i}].node`, 0, nodes - 1),
        strategy: expectChoice(e.strategy, `config.byzantine[${i}].strategy`, PROTOCOL_STRATEGIES[protocol.kind]),
      }
      if (e.confirmations !== undefined) assignment.confirmations = expectInteger(e.confirmations, `config.byzantine[${i}].confirmations`, 1, 1000)
      if (e.giveUpBehind !== undefined) assignment.giveUpBehind = expectInteger(e.giveUpBehind, `config.byzantine[${i}].giveUpBehind`, 1, 10_000)
      if (e.censorSender !== undefined) assignment.censorSender = expectInteger(e.censorSender, `config.byzantine[${i}].censorSender`, 0, 2 ** 31 - 1)
      return assignment
    })
  }
  if (c.gamma !== undefined) config.gamma = expectNumber(c.gamma, 'config.gamma', 0, 1)
  if (c.members !== undefined) config.members = parseMembersConfig(c.members, nodes)
  if (c.workload !== undefined) config.workload = parseWorkloadConfig(c.workload, nodes)
  checkValidators(config)
  return config
}

/**
 * A protocol with voting needs someone who may vote, with power to vote with; and a PoW block
 * carrying a workload needs room for transactions. Caught here, not as a silent stall.
 */
function checkValidators(config: NetworkConfig): void {
  const { protocol, members } = config
  if (protocol.kind !== 'pow' && members !== undefined && !members.organisations.some((o) => o.roles.includes('validate') && o.nodes.length > 0)) {
    throw new InvalidFieldError({
      field: 'config.members.organisations',
      expected: { en: `at least one organisation with nodes and the validate role (${protocol.kind} needs validators)`, ko: `노드가 있고 validate 역할을 가진 조직 하나 이상 (${protocol.kind}에는 검증자가 필요)` },
      got: members.organisations.map((o) => `${o.name}: ${o.roles.join('+')}`),
    })
  }
  const weights = protocol.kind === 'tendermint' ? protocol.power : protocol.kind === 'pos' ? protocol.stake : undefined
  if (weights !== undefined) {
    const field = protocol.kind === 'tendermint' ? 'config.protocol.power' : 'config.protocol.stake'
    const validators = members === undefined ? weights.map((_, i) => i) : members.organisations.filter((o) => o.roles.includes('validate')).flatMap((o) => o.nodes)
    if (!validators.some((v) => (weights[v] ?? 0) > 0)) {
      throw new InvalidFieldError({ field, expected: { en: 'a positive value for at least one validator', ko: '검증자 하나 이상에 0보다 큰 값' }, got: weights })
    }
  }
  if (protocol.kind === 'pow' && config.workload !== undefined && protocol.blockSize <= POW_BLOCK_BASE_BYTES) {
    throw new InvalidFieldError({
      field: 'config.protocol.blockSize',
      expected: { en: `more than ${POW_BLOCK_BASE_BYTES} bytes when there is a workload (header and coinbase take ${POW_BLOCK_BASE_BYTES})`, ko: `부하가 있으면 ${POW_BLOCK_BASE_BYTES}바이트 초과 (헤더와 코인베이스가 ${POW_BLOCK_BASE_BYTES}바이트)` },
      got: protocol.blockSize,
    })
  }
}
