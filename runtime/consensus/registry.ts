/**
 * The protocol registry: each protocol's config parser and factory under its `kind`. A new
 * protocol is one folder under `runtime/consensus/` and one entry here.
 *
 * @module
 */
import type { BlockHasher } from '../chain/blockHeader.ts'
import type { MemberRegistry } from '../node/members.ts'
import { InvalidFieldError } from '../errors/input.ts'
import type { StrategyName } from '../node/strategies/registry.ts'
import { expectChoice, expectRecord } from '../sim/validate.ts'
import type { PowConfig } from './pow/powConfig.ts'
import { parsePowConfig } from './pow/powConfig.ts'
import { createPowProtocol } from './pow/powProtocol.ts'
import type { PoaConfig } from './poa/poaConfig.ts'
import { parsePoaConfig } from './poa/poaConfig.ts'
import { createPoaProtocol } from './poa/poaProtocol.ts'
import type { PosConfig } from './pos/posConfig.ts'
import { parsePosConfig } from './pos/posConfig.ts'
import { createPosProtocol } from './pos/posProtocol.ts'
import type { ConsensusProtocol } from './protocol.ts'
import type { RaftConfig } from './raft/raftConfig.ts'
import { parseRaftConfig } from './raft/raftConfig.ts'
import { createRaftProtocol } from './raft/raftProtocol.ts'
import type { TendermintConfig } from './tendermint/tendermintConfig.ts'
import { parseTendermintConfig } from './tendermint/tendermintConfig.ts'
import { createTendermintProtocol } from './tendermint/tendermintProtocol.ts'

export type ProtocolConfig = PowConfig | TendermintConfig | RaftConfig | PoaConfig | PosConfig

export const PROTOCOL_KINDS = ['pow', 'tendermint', 'raft', 'poa', 'pos'] as const
export type ProtocolKind = (typeof PROTOCOL_KINDS)[number]

/**
 * The byzantine strategies each protocol models. Any other would change nothing (e.g. selfish
 * mining without mining, withholding under Raft): it is refused with a reason rather than
 * silently accepted.
 */
export const PROTOCOL_STRATEGIES: Readonly<Record<ProtocolKind, readonly StrategyName[]>> = {
  pow: ['selfish-mining', 'double-spend', 'withholding', 'invalid-blocks', 'censorship'],
  tendermint: ['equivocation', 'invalid-blocks', 'censorship'],
  raft: ['censorship'],
  poa: ['invalid-blocks', 'censorship'],
  pos: ['equivocation', 'censorship'],
}

/** Node limits of the protocols whose state grows as nodes² (every node tallies every validator). */
const MAX_NODES_BY_PROTOCOL: Partial<Record<ProtocolKind, number>> = { tendermint: 2000, pos: 2000 }

/** What a protocol factory may use besides its config. */
export interface ProtocolContext {
  members: MemberRegistry
  /** Block header hashes (real-PoW lessons). */
  hasher(): BlockHasher
}

/**
 * Validates `input` as one protocol's config, by its `kind`.
 * @throws {@link InvalidFieldError} naming the first bad field.
 */
export function parseProtocolConfig(input: unknown, nodes: number): ProtocolConfig {
  const p = expectRecord(input, 'config.protocol')
  const kind = expectChoice(p.kind, 'config.protocol.kind', PROTOCOL_KINDS)
  const max = MAX_NODES_BY_PROTOCOL[kind]
  if (max !== undefined && nodes > max) {
    // Every node keeps a vote table over every validator: memory grows as nodes².
    throw new InvalidFieldError({
      field: 'config.nodes',
      expected: { en: `at most ${max} nodes for ${kind} (each node tallies every validator's votes)`, ko: `${kind}에서는 노드 ${max}개 이하 (노드마다 모든 검증자의 투표를 셈)` },
      got: nodes,
    })
  }
  switch (kind) {
    case 'pow':
      return parsePowConfig(p, nodes)
    case 'tendermint':
      return parseTendermintConfig(p, nodes)
    case 'raft':
      return parseRaftConfig(p)
    case 'poa':
      return parsePoaConfig(p)
    case 'pos':
      return parsePosConfig(p, nodes)
  }
}

/** Creates the protocol a config names. */
export function createProtocol(config: ProtocolConfig, context: ProtocolContext): ConsensusProtocol {
  switch (config.kind) {
    case 'pow':
      return createPowProtocol(
        {
          intervalUs: Math.round(config.intervalMs * 1000),
          blockSize: config.blockSize,
          retarget: config.retargetEvery === undefined ? undefined : { every: config.retargetEvery, maxFactor: 4 },
          nonceBits: config.nonceBits,
        },
        context.hasher,
      )
    case 'tendermint':
      return createTendermintProtocol(config, context)
    case 'raft':
      return createRaftProtocol(config, context)
    case 'poa':
      return createPoaProtocol(config, context)
    case 'pos':
      return createPosProtocol(config, context)
  }
}
