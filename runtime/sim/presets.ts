/**
 * Presets: whole network definitions (protocol + network model + topology + node count) that the
 * CLI, lessons and demos start from. Flags override parts (`--net`, `--topology`, `--nodes`).
 *
 * @module
 */
import type { ProtocolKind } from '../consensus/registry.ts'
import { InvalidFieldError } from '../errors/input.ts'
import type { NetworkConfig } from './config.ts'
import { parseNetworkConfig } from './config.ts'

/** A preset names only what differs from the protocol's defaults; parsing fills in the rest. */
export type PresetConfig = Omit<NetworkConfig, 'seed' | 'protocol'> & { protocol: { kind: ProtocolKind } & Record<string, unknown> }

export interface Preset {
  readonly name: string
  readonly description: { readonly ko: string; readonly en: string }
  readonly config: PresetConfig
}

/** Five organisations, each with one ordering node (validate) and 19 client nodes (read, submit). */
const CONSORTIUM_ORGANISATIONS = [0, 1, 2, 3, 4].flatMap((o) => [
  { name: `org${o + 1}-orderer`, nodes: [o * 20], roles: ['read' as const, 'submit' as const, 'validate' as const] },
  { name: `org${o + 1}`, nodes: Array.from({ length: 19 }, (_, i) => o * 20 + 1 + i), roles: ['read' as const, 'submit' as const] },
])

export const PRESETS: readonly Preset[] = [
  {
    name: 'bitcoin-2019',
    description: {
      en: "SimBlock's Bitcoin 2019 model: 6 regions, measured latencies and bandwidths, Bitcoin-like random peers, 10-minute PoW, 535 KB blocks, compact block relay (600 nodes)",
      ko: 'SimBlock의 2019년 비트코인 모델: 6개 지역, 측정된 지연과 대역폭, 비트코인식 무작위 연결, 10분 작업증명, 535KB 블록, 압축 블록 전파 (노드 600개)',
    },
    config: {
      nodes: 600,
      net: 'bitcoin-2019',
      topology: 'bitcoin',
      protocol: {
        kind: 'pow',
        intervalMs: 600_000,
        blockSize: 535_000,
        hashPower: { kind: 'normal', mean: 400_000, stdev: 100_000 },
      },
      relay: { mode: 'inv', compact: true },
    },
  },
  {
    name: 'pow-lan',
    description: {
      en: 'A classroom PoW network: 8 equal miners on a LAN, full mesh, 15-second blocks of 100 KB',
      ko: '교실용 작업증명 네트워크: LAN 위의 동등한 채굴자 8명, 완전 연결, 15초마다 100KB 블록',
    },
    config: {
      nodes: 8,
      net: 'lan',
      topology: 'full-mesh',
      protocol: { kind: 'pow', intervalMs: 15_000, blockSize: 100_000, hashPower: { kind: 'equal' } },
      relay: { mode: 'inv', compact: false },
    },
  },
  {
    name: 'pow-wan-100',
    description: {
      en: 'The 100-node testbed: PoW over four cloud regions (Seoul, Tokyo, Frankfurt, Virginia), small-world peers, 1-minute blocks of 1 MB',
      ko: '100노드 테스트베드: 4개 클라우드 지역(서울, 도쿄, 프랑크푸르트, 버지니아)의 작업증명, 좁은 세상 연결, 1분마다 1MB 블록',
    },
    config: {
      nodes: 100,
      net: 'wan',
      topology: 'small-world',
      protocol: {
        kind: 'pow',
        intervalMs: 60_000,
        blockSize: 1_000_000,
        hashPower: { kind: 'normal', mean: 100, stdev: 25 },
        retargetEvery: 100,
      },
      relay: { mode: 'inv', compact: false },
    },
  },
  {
    name: 'bft',
    description: {
      en: 'The 100-node BFT testbed: Tendermint (CometBFT timeouts) with 100 equal validators over four cloud regions, votes sent directly, transactions gossiped in 100 ms batches over small-world peers, 1,000 tx/s offered',
      ko: '100노드 BFT 테스트베드: 4개 클라우드 지역의 동등한 검증자 100명이 돌리는 텐더민트(CometBFT 기본 타임아웃), 투표는 직접 전송, 트랜잭션은 좁은 세상 연결로 100ms마다 묶어 전파, 초당 1,000건 부하',
    },
    config: {
      nodes: 100,
      net: 'wan',
      topology: 'small-world',
      protocol: { kind: 'tendermint' },
      relay: { mode: 'inv', compact: false },
      workload: { ratePerSec: 1000, txBytes: 250, senders: 10_000, feeMin: 1, feeMax: 100, gossipIntervalMs: 100 },
    },
  },
  {
    name: 'pos',
    description: {
      en: 'The 100-node PoS testbed: 100 equal-stake validators over four cloud regions, 2 s slots and 8-slot epochs (lesson pace; Ethereum: 12 s × 32), Casper FFG finality in about 2 epochs, attestations sent directly, 1,000 tx/s offered',
      ko: '100노드 지분증명 테스트베드: 4개 클라우드 지역의 동등 지분 검증자 100명, 2초 슬롯·8슬롯 에포크(수업용 속도; 이더리움은 12초×32), 캐스퍼 FFG 확정 약 2에포크, 증명은 직접 전송, 초당 1,000건 부하',
    },
    config: {
      nodes: 100,
      net: 'wan',
      topology: 'small-world',
      protocol: { kind: 'pos', slotMs: 2000, slotsPerEpoch: 8, blockSize: 1000, maxTxPerBlock: 10_000, attestationBytes: 230, verifyUs: 50 },
      relay: { mode: 'inv', compact: false },
      workload: { ratePerSec: 1000, txBytes: 250, senders: 10_000, feeMin: 1, feeMax: 100, gossipIntervalMs: 100 },
    },
  },
  {
    name: 'raft-consortium',
    description: {
      en: 'A permissioned consortium of 5 organisations (100 nodes): each runs one Raft orderer (validate) and 19 client nodes (read, submit); WAN, election timeout 1–2 s, a block every 2 s, 1,000 tx/s offered',
      ko: '5개 조직(노드 100개)의 허가형 컨소시엄: 조직마다 Raft 오더러 1개(검증)와 클라이언트 노드 19개(읽기, 제출); WAN, 선출 타임아웃 1–2초, 2초마다 블록, 초당 1,000건 부하',
    },
    config: {
      nodes: 100,
      net: 'wan',
      topology: 'small-world',
      protocol: { kind: 'raft', electionTimeoutMinMs: 1000, electionTimeoutMaxMs: 2000, heartbeatMs: 200, blockIntervalMs: 2000, blockSize: 1000, maxTxPerBlock: 10_000, persistUs: 1000 },
      relay: { mode: 'inv', compact: false },
      members: { organisations: CONSORTIUM_ORGANISATIONS },
      workload: { ratePerSec: 1000, txBytes: 250, senders: 10_000, feeMin: 1, feeMax: 100, gossipIntervalMs: 100 },
    },
  },
  {
    name: 'poa',
    description: {
      en: 'A classroom Proof of Authority network: 5 authorities take 1-second turns, 3 observers follow; a block is final once 3 distinct authorities built on it',
      ko: '교실용 권한증명 네트워크: 권한자 5명이 1초씩 돌아가며 블록을 만들고 관찰자 3명이 따라감; 서로 다른 권한자 3명이 위에 쌓으면 확정',
    },
    config: {
      nodes: 8,
      net: 'lan',
      topology: 'full-mesh',
      protocol: { kind: 'poa', slotMs: 1000, blockSize: 1000 },
      relay: { mode: 'push', compact: false },
      members: {
        organisations: [
          { name: 'authorities', nodes: [0, 1, 2, 3, 4], roles: ['read', 'submit', 'validate'] },
          { name: 'observers', nodes: [5, 6, 7], roles: ['read', 'submit'] },
        ],
      },
    },
  },
]

export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name)

/**
 * The preset named `name`.
 * @throws {@link InvalidFieldError} listing the valid names.
 */
export function getPreset(name: string): Preset {
  const preset = PRESETS.find((p) => p.name === name)
  if (!preset) throw new InvalidFieldError({ field: 'preset', expected: { en: 'a known preset', ko: '알려진 프리셋' }, got: name, choices: PRESET_NAMES })
  return preset
}

/**
 * A full config from a preset, a seed and optional overrides, with every default filled in.
 * @throws {@link InvalidFieldError} when an override does not fit (e.g. too few nodes for the
 * preset's member registry).
 */
export function configFromPreset(name: string, seed: number, overrides: Partial<Omit<NetworkConfig, 'seed'>> = {}): NetworkConfig {
  const base = getPreset(name).config
  return parseNetworkConfig(JSON.parse(JSON.stringify({ ...base, ...overrides, seed })))
}
