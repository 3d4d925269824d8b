/**
 * Presets: whole network definitions (protocol + network model + topology + node count) that the
 * CLI, lessons and demos start from. Flags override parts (`--net`, `--topology`, `--nodes`).
 *
 * @module
 */
import { InvalidFieldError } from '../errors/input.ts'
import type { NetworkConfig } from './config.ts'

export interface Preset {
  readonly name: string
  readonly description: { readonly ko: string; readonly en: string }
  readonly config: Omit<NetworkConfig, 'seed'>
}

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

/** A full config from a preset, a seed and optional overrides. */
export function configFromPreset(name: string, seed: number, overrides: Partial<Omit<NetworkConfig, 'seed'>> = {}): NetworkConfig {
  const base = getPreset(name).config
  return structuredCloneConfig({ ...base, ...overrides, seed })
}

function structuredCloneConfig(c: NetworkConfig): NetworkConfig {
  return JSON.parse(JSON.stringify(c)) as NetworkConfig
}
