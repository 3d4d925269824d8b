/**
 * Tendermint's configuration (CometBFT's defaults) and its validation.
 *
 * @module
 */
import { InvalidFieldError } from '../../errors/input.ts'
import { expectInteger, expectKnownKeys, expectNumber } from '../../sim/validate.ts'

export interface TendermintConfig {
  kind: 'tendermint'
  /** Bytes of a block without transactions (header, last commit). */
  blockSize: number
  /** At most this many transactions per block. */
  maxTxPerBlock: number
  /** timeout_propose and its per-round increase, ms (CometBFT: 3000 + 500·round). */
  timeoutProposeMs: number
  timeoutProposeDeltaMs: number
  /** timeout_prevote (+ delta·round), ms: waiting for more prevotes after +2/3 of any. */
  timeoutPrevoteMs: number
  timeoutPrevoteDeltaMs: number
  /** timeout_precommit (+ delta·round), ms. */
  timeoutPrecommitMs: number
  timeoutPrecommitDeltaMs: number
  /** timeout_commit, ms: pause after a commit before the next height (gathers late votes). */
  timeoutCommitMs: number
  /** Bytes of one signed vote. */
  voteBytes: number
  /** Modeled signature verification per message, µs. */
  verifyUs: number
  /** Voting power per node (default 1 each; only validators count). */
  power?: number[] | undefined
}

export const TENDERMINT_DEFAULTS: Omit<TendermintConfig, 'kind'> = {
  blockSize: 1_000,
  maxTxPerBlock: 10_000,
  timeoutProposeMs: 3_000,
  timeoutProposeDeltaMs: 500,
  timeoutPrevoteMs: 1_000,
  timeoutPrevoteDeltaMs: 500,
  timeoutPrecommitMs: 1_000,
  timeoutPrecommitDeltaMs: 500,
  timeoutCommitMs: 1_000,
  voteBytes: 200,
  verifyUs: 50,
}

const NUMBER_FIELDS = [
  'timeoutProposeMs',
  'timeoutProposeDeltaMs',
  'timeoutPrevoteMs',
  'timeoutPrevoteDeltaMs',
  'timeoutPrecommitMs',
  'timeoutPrecommitDeltaMs',
  'timeoutCommitMs',
] as const

export function parseTendermintConfig(p: Record<string, unknown>, nodes: number): TendermintConfig {
  expectKnownKeys(p, 'config.protocol', ['kind', 'blockSize', 'maxTxPerBlock', 'voteBytes', 'verifyUs', 'power', ...NUMBER_FIELDS])
  const config: TendermintConfig = { kind: 'tendermint', ...TENDERMINT_DEFAULTS }
  for (const f of NUMBER_FIELDS) if (p[f] !== undefined) config[f] = expectNumber(p[f], `config.protocol.${f}`, 0, 3_600_000)
  if (p.blockSize !== undefined) config.blockSize = expectInteger(p.blockSize, 'config.protocol.blockSize', 1, 1e9)
  if (p.maxTxPerBlock !== undefined) config.maxTxPerBlock = expectInteger(p.maxTxPerBlock, 'config.protocol.maxTxPerBlock', 0, 1e7)
  if (p.voteBytes !== undefined) config.voteBytes = expectInteger(p.voteBytes, 'config.protocol.voteBytes', 1, 1e6)
  if (p.verifyUs !== undefined) config.verifyUs = expectNumber(p.verifyUs, 'config.protocol.verifyUs', 0, 1e7)
  if (config.timeoutProposeMs <= 0) {
    throw new InvalidFieldError({ field: 'config.protocol.timeoutProposeMs', expected: { en: 'a timeout > 0 ms', ko: '0ms보다 긴 시간' }, got: config.timeoutProposeMs })
  }
  if (p.power !== undefined) {
    if (!Array.isArray(p.power) || p.power.length !== nodes) {
      throw new InvalidFieldError({ field: 'config.protocol.power', expected: { en: `an array of ${nodes} voting powers`, ko: `투표력 ${nodes}개의 배열` }, got: p.power })
    }
    config.power = p.power.map((v, i) => expectInteger(v, `config.protocol.power[${i}]`, 0, 1e12))
  }
  return config
}
