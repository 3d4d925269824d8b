/**
 * Proof of Stake's configuration and its validation.
 *
 * The defaults are Ethereum's shape at a lesson's pace: Ethereum's slot is 12 s and its epoch 32
 * slots (6.4 min, finality ≈ 12.8 min); here a slot is 2 s and an epoch 8 slots (16 s), so a
 * learner sees checkpoints justify and finalize within a minute. Set `slotMs: 12000,
 * slotsPerEpoch: 32` for Ethereum's real timing.
 *
 * @module
 */
import { InvalidFieldError } from '../../errors/input.ts'
import { expectInteger, expectKnownKeys, expectNumber } from '../../sim/validate.ts'

export interface PosConfig {
  kind: 'pos'
  /** Slot length, ms (default 2000 for lessons; Ethereum: 12000). */
  slotMs: number
  /** Slots per epoch; checkpoints are epoch boundaries (default 8; Ethereum: 32). */
  slotsPerEpoch: number
  /** Bytes of a block without transactions and included attestations. */
  blockSize: number
  /** At most this many transactions per block. */
  maxTxPerBlock: number
  /** Bytes of one signed attestation (Ethereum: 128-byte data + 96-byte BLS signature + bits). */
  attestationBytes: number
  /** Modeled signature verification per message, µs. */
  verifyUs: number
  /** Stake per node (default: equal, 1 each; only validators count, 0 = no vote). */
  stake?: number[] | undefined
}

export const POS_DEFAULTS: Omit<PosConfig, 'kind'> = {
  slotMs: 2_000,
  slotsPerEpoch: 8,
  blockSize: 1_000,
  maxTxPerBlock: 10_000,
  attestationBytes: 230,
  verifyUs: 50,
}

/**
 * Validates a `pos` protocol config for `nodes` nodes.
 * @throws {@link InvalidFieldError} naming the first bad field.
 *
 * @example
 * parsePosConfig({ kind: 'pos', slotMs: 12000, slotsPerEpoch: 32 }, 100)
 */
export function parsePosConfig(p: Record<string, unknown>, nodes: number): PosConfig {
  expectKnownKeys(p, 'config.protocol', ['kind', 'slotMs', 'slotsPerEpoch', 'blockSize', 'maxTxPerBlock', 'attestationBytes', 'verifyUs', 'stake'])
  const config: PosConfig = { kind: 'pos', ...POS_DEFAULTS }
  // A slot must leave room for a proposal and an attestation a third of the way in: 3 ms at least.
  if (p.slotMs !== undefined) config.slotMs = expectNumber(p.slotMs, 'config.protocol.slotMs', 3, 3_600_000)
  if (p.slotsPerEpoch !== undefined) config.slotsPerEpoch = expectInteger(p.slotsPerEpoch, 'config.protocol.slotsPerEpoch', 1, 1024)
  if (p.blockSize !== undefined) config.blockSize = expectInteger(p.blockSize, 'config.protocol.blockSize', 1, 1e9)
  if (p.maxTxPerBlock !== undefined) config.maxTxPerBlock = expectInteger(p.maxTxPerBlock, 'config.protocol.maxTxPerBlock', 0, 1e7)
  if (p.attestationBytes !== undefined) config.attestationBytes = expectInteger(p.attestationBytes, 'config.protocol.attestationBytes', 1, 1e6)
  if (p.verifyUs !== undefined) config.verifyUs = expectNumber(p.verifyUs, 'config.protocol.verifyUs', 0, 1e7)
  if (p.stake !== undefined) {
    if (!Array.isArray(p.stake) || p.stake.length !== nodes) {
      throw new InvalidFieldError({ field: 'config.protocol.stake', expected: { en: `an array of ${nodes} stakes`, ko: `지분 ${nodes}개의 배열` }, got: p.stake })
    }
    config.stake = p.stake.map((v, i) => expectNumber(v, `config.protocol.stake[${i}]`, 0, 1e15))
    if (!config.stake.some((s) => s > 0)) {
      throw new InvalidFieldError({ field: 'config.protocol.stake', expected: { en: 'at least one positive stake', ko: '양수 지분이 하나 이상' }, got: p.stake })
    }
  }
  return config
}
