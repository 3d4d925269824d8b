/**
 * Proof of Authority's configuration (slot length, block contents, finality depth) and its
 * validation. The depth's default depends on how many authorities there are, which the member
 * registry knows, so it stays undefined here until the protocol is created.
 *
 * @module
 */
import { InvalidFieldError } from '../../errors/input.ts'
import { expectInteger, expectKnownKeys, expectNumber } from '../../sim/validate.ts'

export interface PoaConfig {
  kind: 'poa'
  /** One authority's turn, ms (Clique's period, Aura's step duration). */
  slotMs: number
  /** Bytes of a block without transactions (header, seal). */
  blockSize: number
  maxTxPerBlock: number
  /**
   * A block is final once this many distinct authorities have built on it (default ⌊n/2⌋ + 1 of
   * the n authorities: two forks can then never both reach it).
   */
  finalityDepth?: number | undefined
  /** Modeled seal (signature) check at the receiver, µs. */
  verifyUs: number
}

export const POA_DEFAULTS: Omit<PoaConfig, 'kind'> = {
  slotMs: 1_000,
  blockSize: 1_000,
  maxTxPerBlock: 10_000,
  verifyUs: 50,
}

/**
 * Validates a `poa` protocol config.
 * @throws {@link InvalidFieldError} naming the first bad field.
 */
export function parsePoaConfig(p: Record<string, unknown>): PoaConfig {
  expectKnownKeys(p, 'config.protocol', ['kind', 'slotMs', 'blockSize', 'maxTxPerBlock', 'finalityDepth', 'verifyUs'])
  const config: PoaConfig = { kind: 'poa', ...POA_DEFAULTS }
  if (p.slotMs !== undefined) config.slotMs = expectNumber(p.slotMs, 'config.protocol.slotMs', 1, 3_600_000)
  if (p.blockSize !== undefined) config.blockSize = expectInteger(p.blockSize, 'config.protocol.blockSize', 1, 1e9)
  if (p.maxTxPerBlock !== undefined) config.maxTxPerBlock = expectInteger(p.maxTxPerBlock, 'config.protocol.maxTxPerBlock', 0, 1e7)
  if (p.finalityDepth !== undefined) config.finalityDepth = expectInteger(p.finalityDepth, 'config.protocol.finalityDepth', 1, 1e6)
  if (p.verifyUs !== undefined) config.verifyUs = expectNumber(p.verifyUs, 'config.protocol.verifyUs', 0, 1e7)
  return config
}

/**
 * The depth in force for `authorities` authorities.
 * @throws {@link InvalidFieldError} when more distinct authorities are asked for than exist.
 */
export function finalityDepthFor(config: PoaConfig, authorities: number): number {
  const depth = config.finalityDepth ?? Math.floor(authorities / 2) + 1
  if (depth > authorities) {
    throw new InvalidFieldError({
      field: 'config.protocol.finalityDepth',
      expected: {
        en: `at most the number of authorities (${authorities}): it counts distinct authorities`,
        ko: `권한 노드 수(${authorities}) 이하 (서로 다른 권한 노드의 수를 셉니다)`,
      },
      got: depth,
    })
  }
  return depth
}
