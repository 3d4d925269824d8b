/**
 * User commands: plain JSON objects the console, lessons, demos, the app's worker and JSON-RPC
 * send to a network. Each is validated here (errors name the field) and recorded with the time
 * and event count it was applied at, so replay = config + seed + inputs.
 *
 * A command with `atUs` in the future is scheduled as a kernel event and runs then.
 *
 * @module
 */
import { InvalidFieldError } from '../errors/input.ts'
import { STRATEGY_NAMES } from '../node/strategies/registry.ts'
import type { StrategyName } from '../node/strategies/registry.ts'
import {
  expectChoice,
  expectInteger,
  expectKnownKeys,
  expectNumber,
  expectRecord,
  expectString,
} from './validate.ts'

export interface LinkFaultSpec {
  delayMs?: number | undefined
  drop?: number | undefined
  duplicate?: number | undefined
}

export type Command = (
  | { type: 'add-node'; region?: number | undefined; hashPower?: number | undefined; peers?: number[] | undefined }
  | { type: 'remove-node'; node: number }
  | { type: 'crash'; node: number }
  | { type: 'restart'; node: number }
  | { type: 'partition'; groups: number[][] }
  | { type: 'heal' }
  | { type: 'set-link-fault'; link?: [number, number] | undefined; fault: LinkFaultSpec | null }
  | { type: 'mine'; node: number }
  | { type: 'tamper'; node: number; block: number; data: string }
  | { type: 'set-byzantine'; node: number; strategy: StrategyName | 'honest'; censorSender?: number | undefined }
  | {
      type: 'submit-tx'
      node: number
      sender?: number | undefined
      fee?: number | undefined
      bytes?: number | undefined
      /** A signed Ethereum transaction (hex) for networks that run the EVM. */
      raw?: string | undefined
    }
  | { type: 'set-clock-skew'; node: number; offsetMs?: number | undefined; driftPpm?: number | undefined }
) & { atUs?: number | undefined }

export type CommandType = Command['type']

export const COMMAND_TYPES: readonly CommandType[] = [
  'add-node',
  'remove-node',
  'crash',
  'restart',
  'partition',
  'heal',
  'set-link-fault',
  'mine',
  'tamper',
  'set-byzantine',
  'submit-tx',
  'set-clock-skew',
]

/** What `apply` returns: `block` for mine, `node` for add-node, `scheduled` for future commands. */
export interface CommandResult {
  ok: true
  type: CommandType
  atUs: number
  node?: number
  block?: number
  /** submit-tx: the transaction's id. */
  tx?: number
  scheduled?: boolean
}

/** A recorded input: replaying these on the same config and seed reproduces the trace. */
export interface RecordedInput {
  /** Simulated time when the command was applied, µs. */
  atUs: number
  /** Number of kernel events processed before it. */
  afterEvents: number
  command: Command
}

/** Sender accounts are stored as 32-bit integers. */
export const MAX_SENDER = 2 ** 31 - 1
/** 128 KiB of transaction (geth's txpool limit), as hex. */
const MAX_RAW_TX_HEX = 2 + 2 * 128 * 1024

const nodeField = (c: Record<string, unknown>, nodeCount: number): number =>
  expectInteger(c.node, 'command.node', 0, Math.max(0, nodeCount - 1))

/**
 * Validates a command against a network of `nodeCount` node ids.
 * @throws {@link InvalidFieldError} naming the field.
 */
export function parseCommand(input: unknown, nodeCount: number): Command {
  const c = expectRecord(input, 'command')
  const type = expectChoice(c.type, 'command.type', COMMAND_TYPES)
  const atUs = c.atUs === undefined ? undefined : expectInteger(c.atUs, 'command.atUs', 0)
  const at = atUs === undefined ? {} : { atUs }
  switch (type) {
    case 'add-node': {
      expectKnownKeys(c, 'command', ['type', 'atUs', 'region', 'hashPower', 'peers'])
      const out: Command = { type, ...at }
      if (c.region !== undefined) out.region = expectInteger(c.region, 'command.region', 0, 255)
      if (c.hashPower !== undefined) out.hashPower = expectNumber(c.hashPower, 'command.hashPower', 0)
      if (c.peers !== undefined) {
        if (!Array.isArray(c.peers)) throw new InvalidFieldError({ field: 'command.peers', expected: { en: 'an array of node ids', ko: '노드 번호 배열' }, got: c.peers })
        out.peers = c.peers.map((p, i) => expectInteger(p, `command.peers[${i}]`, 0, Math.max(0, nodeCount - 1)))
      }
      return out
    }
    case 'remove-node':
    case 'crash':
    case 'restart':
    case 'mine':
      expectKnownKeys(c, 'command', ['type', 'atUs', 'node'])
      return { type, node: nodeField(c, nodeCount), ...at }
    case 'heal':
      expectKnownKeys(c, 'command', ['type', 'atUs'])
      return { type, ...at }
    case 'partition': {
      expectKnownKeys(c, 'command', ['type', 'atUs', 'groups'])
      if (!Array.isArray(c.groups) || c.groups.length === 0) {
        throw new InvalidFieldError({ field: 'command.groups', expected: { en: 'a non-empty array of node-id arrays', ko: '노드 번호 배열들의 비어 있지 않은 배열' }, got: c.groups })
      }
      const seen = new Set<number>()
      const groups = c.groups.map((g, i) => {
        if (!Array.isArray(g)) throw new InvalidFieldError({ field: `command.groups[${i}]`, expected: { en: 'an array of node ids', ko: '노드 번호 배열' }, got: g })
        return g.map((n, j) => {
          const id = expectInteger(n, `command.groups[${i}][${j}]`, 0, Math.max(0, nodeCount - 1))
          if (seen.has(id)) throw new InvalidFieldError({ field: `command.groups[${i}][${j}]`, expected: { en: 'each node in one group only', ko: '각 노드는 한 그룹에만' }, got: id })
          seen.add(id)
          return id
        })
      })
      return { type, groups, ...at }
    }
    case 'set-link-fault': {
      expectKnownKeys(c, 'command', ['type', 'atUs', 'link', 'fault'])
      let link: [number, number] | undefined
      if (c.link !== undefined) {
        if (!Array.isArray(c.link) || c.link.length !== 2) {
          throw new InvalidFieldError({ field: 'command.link', expected: { en: 'a pair [from, to] of node ids', ko: '노드 번호 쌍 [보내는 쪽, 받는 쪽]' }, got: c.link })
        }
        link = [
          expectInteger(c.link[0], 'command.link[0]', 0, Math.max(0, nodeCount - 1)),
          expectInteger(c.link[1], 'command.link[1]', 0, Math.max(0, nodeCount - 1)),
        ]
      }
      if (c.fault === null) return { type, link, fault: null, ...at }
      const f = expectRecord(c.fault, 'command.fault')
      expectKnownKeys(f, 'command.fault', ['delayMs', 'drop', 'duplicate'])
      const fault: LinkFaultSpec = {}
      if (f.delayMs !== undefined) fault.delayMs = expectNumber(f.delayMs, 'command.fault.delayMs', 0, 3_600_000)
      if (f.drop !== undefined) fault.drop = expectNumber(f.drop, 'command.fault.drop', 0, 1)
      if (f.duplicate !== undefined) fault.duplicate = expectNumber(f.duplicate, 'command.fault.duplicate', 0, 1)
      return { type, link, fault, ...at }
    }
    case 'set-byzantine': {
      expectKnownKeys(c, 'command', ['type', 'atUs', 'node', 'strategy', 'censorSender'])
      const out: Command = { type, node: nodeField(c, nodeCount), strategy: expectChoice(c.strategy, 'command.strategy', [...STRATEGY_NAMES, 'honest'] as const), ...at }
      if (c.censorSender !== undefined) out.censorSender = expectInteger(c.censorSender, 'command.censorSender', 0, MAX_SENDER)
      return out
    }
    case 'submit-tx': {
      expectKnownKeys(c, 'command', ['type', 'atUs', 'node', 'sender', 'fee', 'bytes', 'raw'])
      const out: Command = { type, node: nodeField(c, nodeCount), ...at }
      if (c.raw !== undefined) {
        const raw = expectString(c.raw, 'command.raw', MAX_RAW_TX_HEX)
        if (!/^0x([0-9a-fA-F]{2})+$/.test(raw)) {
          throw new InvalidFieldError({ field: 'command.raw', expected: { en: 'a signed transaction as 0x hex', ko: '0x로 시작하는 서명된 트랜잭션(16진수)' }, got: raw.slice(0, 20) })
        }
        out.raw = raw
      }
      if (c.sender !== undefined) out.sender = expectInteger(c.sender, 'command.sender', 0, MAX_SENDER)
      if (c.fee !== undefined) out.fee = expectInteger(c.fee, 'command.fee', 0, 1e15)
      if (c.bytes !== undefined) out.bytes = expectInteger(c.bytes, 'command.bytes', 1, 10_000_000)
      return out
    }
    case 'set-clock-skew': {
      expectKnownKeys(c, 'command', ['type', 'atUs', 'node', 'offsetMs', 'driftPpm'])
      const out: Command = { type, node: nodeField(c, nodeCount), ...at }
      if (c.offsetMs !== undefined) out.offsetMs = expectNumber(c.offsetMs, 'command.offsetMs', -86_400_000, 86_400_000)
      if (c.driftPpm !== undefined) out.driftPpm = expectNumber(c.driftPpm, 'command.driftPpm', -500_000, 500_000)
      return out
    }
    case 'tamper': {
      expectKnownKeys(c, 'command', ['type', 'atUs', 'node', 'block', 'data'])
      return {
        type,
        node: nodeField(c, nodeCount),
        block: expectInteger(c.block, 'command.block', 0),
        data: expectString(c.data, 'command.data', 1000),
        ...at,
      }
    }
  }
}
