/**
 * The PoW protocol's configuration and its validation (errors name the field).
 *
 * @module
 */
import { InvalidFieldError } from '../../errors/input.ts'
import { expectChoice, expectInteger, expectKnownKeys, expectNumber, expectRecord } from '../../sim/validate.ts'

/** Header, coinbase and counts of a block with a workload (its transactions come on top). */
export const POW_BLOCK_BASE_BYTES = 1_000

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

export function parsePowConfig(p: Record<string, unknown>, nodes: number): PowConfig {
  expectKnownKeys(p, 'config.protocol', ['kind', 'intervalMs', 'blockSize', 'hashPower', 'retargetEvery', 'nonceBits'])
  const protocol: PowConfig = {
    kind: 'pow',
    intervalMs: expectNumber(p.intervalMs, 'config.protocol.intervalMs', 0.001, 1e9),
    blockSize: expectInteger(p.blockSize, 'config.protocol.blockSize', 1, 1e9),
    hashPower: parseHashPower(p.hashPower, nodes),
  }
  if (p.retargetEvery !== undefined) protocol.retargetEvery = expectInteger(p.retargetEvery, 'config.protocol.retargetEvery', 2, 1e6)
  if (p.nonceBits !== undefined) protocol.nonceBits = expectInteger(p.nonceBits, 'config.protocol.nonceBits', 0, 24)
  return protocol
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
