/**
 * Raft's configuration (the paper's recommended 150–300 ms election timeouts) and its validation.
 * Raft only works when broadcastTime ≪ electionTimeout (§5.6), so the one relation every config
 * must keep is checked here: a leader's heartbeat has to come before any follower's timeout.
 *
 * @module
 */
import { InvalidFieldError } from '../../errors/input.ts'
import { expectInteger, expectKnownKeys, expectNumber } from '../../sim/validate.ts'

export interface RaftConfig {
  kind: 'raft'
  /** Each follower waits a uniform draw from [min, max] ms without a leader before it stands. */
  electionTimeoutMinMs: number
  electionTimeoutMaxMs: number
  /** The leader's AppendEntries interval when it has nothing new to send, ms. */
  heartbeatMs: number
  /** The leader cuts a block (one log entry) every this many ms. */
  blockIntervalMs: number
  /** Bytes of a block without transactions. */
  blockSize: number
  /** At most this many transactions per block. */
  maxTxPerBlock: number
  /** Bytes an entry adds to AppendEntries besides its block (index, term, framing). */
  entryBytes: number
  /** Bytes of RequestVote, of heartbeats and of every reply. */
  voteBytes: number
  /** Modeled per-message authentication at the receiver (TLS MAC / signature), µs. */
  verifyUs: number
  /**
   * Writing term, vote and entries to stable storage before replying to an RPC (Figure 2: "updated
   * on stable storage before responding"), µs: an fsync delays every reply, not the requests.
   */
  persistUs: number
}

export const RAFT_DEFAULTS: Omit<RaftConfig, 'kind'> = {
  electionTimeoutMinMs: 150,
  electionTimeoutMaxMs: 300,
  heartbeatMs: 50,
  blockIntervalMs: 500,
  blockSize: 1_000,
  maxTxPerBlock: 10_000,
  entryBytes: 64,
  voteBytes: 100,
  verifyUs: 50,
  persistUs: 0,
}

const MS_FIELDS = ['electionTimeoutMinMs', 'electionTimeoutMaxMs', 'heartbeatMs', 'blockIntervalMs'] as const

/**
 * Validates a `raft` protocol config.
 * @throws {@link InvalidFieldError} naming the first bad field.
 */
export function parseRaftConfig(p: Record<string, unknown>): RaftConfig {
  expectKnownKeys(p, 'config.protocol', ['kind', 'blockSize', 'maxTxPerBlock', 'entryBytes', 'voteBytes', 'verifyUs', 'persistUs', ...MS_FIELDS])
  const config: RaftConfig = { kind: 'raft', ...RAFT_DEFAULTS }
  // Timers are µs integers: below 1 ms the model's resolution and any real deployment part ways.
  for (const f of MS_FIELDS) if (p[f] !== undefined) config[f] = expectNumber(p[f], `config.protocol.${f}`, 1, 3_600_000)
  if (p.blockSize !== undefined) config.blockSize = expectInteger(p.blockSize, 'config.protocol.blockSize', 1, 1e9)
  if (p.maxTxPerBlock !== undefined) config.maxTxPerBlock = expectInteger(p.maxTxPerBlock, 'config.protocol.maxTxPerBlock', 0, 1e7)
  if (p.entryBytes !== undefined) config.entryBytes = expectInteger(p.entryBytes, 'config.protocol.entryBytes', 0, 1e6)
  if (p.voteBytes !== undefined) config.voteBytes = expectInteger(p.voteBytes, 'config.protocol.voteBytes', 1, 1e6)
  if (p.verifyUs !== undefined) config.verifyUs = expectNumber(p.verifyUs, 'config.protocol.verifyUs', 0, 1e7)
  if (p.persistUs !== undefined) config.persistUs = expectNumber(p.persistUs, 'config.protocol.persistUs', 0, 1e7)
  if (config.electionTimeoutMaxMs < config.electionTimeoutMinMs) {
    throw new InvalidFieldError({
      field: 'config.protocol.electionTimeoutMaxMs',
      expected: { en: `at least electionTimeoutMinMs (${config.electionTimeoutMinMs})`, ko: `electionTimeoutMinMs(${config.electionTimeoutMinMs}) 이상` },
      got: config.electionTimeoutMaxMs,
    })
  }
  if (config.heartbeatMs >= config.electionTimeoutMinMs) {
    throw new InvalidFieldError({
      field: 'config.protocol.heartbeatMs',
      expected: {
        en: `less than electionTimeoutMinMs (${config.electionTimeoutMinMs}): otherwise followers time out under a healthy leader`,
        ko: `electionTimeoutMinMs(${config.electionTimeoutMinMs})보다 작은 값 (아니면 정상 리더 아래에서도 팔로워가 시간 초과)`,
      },
      got: config.heartbeatMs,
    })
  }
  return config
}
