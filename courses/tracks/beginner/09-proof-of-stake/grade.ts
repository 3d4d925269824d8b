import type { Grader, GraderContext, SimControl } from '@playground/grader'

/**
 * Grades pos.ts on the `pos` network (100 equal-stake validators, 2 s slots, 8-slot epochs).
 * schedule() (built on the learner's proposerOf) is checked for picking only validators, for
 * following stake (statistically), and exactly against the network's real proposers and the
 * grader's own implementation of the same draw. observe() is compared with the grader's own
 * queries of the same network at the same moment.
 */

const FILE = 'pos.ts'

// --- SHA-256 (FIPS 180-4), self-contained: grade.ts may import nothing at run time ---
const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]

function sha256Bytes(msg: number[]): number[] {
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
  const bytes = msg.slice()
  const bitLen = msg.length * 8
  bytes.push(0x80)
  while (bytes.length % 64 !== 56) bytes.push(0)
  const hi = Math.floor(bitLen / 2 ** 32)
  for (const word of [hi, bitLen >>> 0]) bytes.push((word >>> 24) & 255, (word >>> 16) & 255, (word >>> 8) & 255, word & 255)
  const w = new Array<number>(64)
  for (let off = 0; off < bytes.length; off += 64) {
    for (let i = 0; i < 16; i++) {
      w[i] = ((bytes[off + 4 * i]! << 24) | (bytes[off + 4 * i + 1]! << 16) | (bytes[off + 4 * i + 2]! << 8) | bytes[off + 4 * i + 3]!) | 0
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!
      const b = w[i - 2]!
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3)
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10)
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number]
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const ch = (e & f) ^ (~e & g)
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const maj = (a & b) ^ (a & c) ^ (b & c)
      const t2 = (S0 + maj) | 0
      hh = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    h[0] = (h[0]! + a) | 0
    h[1] = (h[1]! + b) | 0
    h[2] = (h[2]! + c) | 0
    h[3] = (h[3]! + d) | 0
    h[4] = (h[4]! + e) | 0
    h[5] = (h[5]! + f) | 0
    h[6] = (h[6]! + g) | 0
    h[7] = (h[7]! + hh) | 0
  }
  const out: number[] = []
  for (const word of h) out.push((word >>> 24) & 255, (word >>> 16) & 255, (word >>> 8) & 255, word & 255)
  return out
}

function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

function toHexString(bytes: number[]): string {
  return '0x' + bytes.map((b) => b.toString(16).padStart(2, '0')).join('')
}

// --- end SHA-256 ---

/** The draw, exactly as runtime/consensus/pos/proposer.ts makes it. */
function refProposer(seed: string, slot: number, stakes: number[]): number {
  const h = toHexString(sha256Bytes(utf8(`${seed}|${slot}`)))
  const u = parseInt(h.slice(2, 15), 16) / 2 ** 52
  let total = 0
  for (const s of stakes) total += s
  let point = u * total
  for (let node = 0; node < stakes.length; node++) {
    const s = stakes[node]!
    if (s <= 0) continue
    if (point < s) return node
    point -= s
  }
  for (let node = stakes.length - 1; node >= 0; node--) if (stakes[node]! > 0) return node
  return -1
}

async function call(t: GraderContext, fn: string, args: unknown[]): Promise<unknown> {
  const run = await t.runLearnerScript(FILE, { call: fn, args })
  if (run.error) {
    t.fail('script-error', {
      ko: `${FILE}의 ${fn}(…)를 실행하다 오류가 났습니다: ${run.error.ko}${run.error.line ? ` (${run.error.line}번째 줄)` : ''}. 함수가 export되어 있는지, 질의 결과의 필드 이름이 맞는지 확인하세요.`,
      en: `Running ${fn}(…) in ${FILE} failed: ${run.error.en}${run.error.line ? ` (line ${run.error.line})` : ''}. Check that the function is exported and that you read the right fields of the query results.`,
    })
  }
  return run.returnValue
}

async function learnerSchedule(t: GraderContext, seed: string, stakes: number[], from: number, count: number): Promise<number[]> {
  const got = await call(t, 'schedule', [seed, stakes, from, count])
  if (!Array.isArray(got) || got.length !== count || !got.every((x) => Number.isInteger(Number(x)))) {
    t.fail('schedule-shape', {
      ko: `schedule(seed, stakes, ${from}, ${count})은 노드 번호 ${count}개의 배열을 돌려주어야 하는데 ${JSON.stringify(got)?.slice(0, 120) ?? String(got)}이(가) 나왔습니다. proposerOf가 노드 번호(정수)를 돌려주는지 확인하세요.`,
      en: `schedule(seed, stakes, ${from}, ${count}) should return an array of ${count} node ids, but returned ${JSON.stringify(got)?.slice(0, 120) ?? String(got)}. Check that proposerOf returns a node id (an integer).`,
    })
  }
  return (got as unknown[]).map(Number)
}

/** The network's seed and stakes, read with the grader's own queries. */
async function networkLottery(sim: SimControl): Promise<{ seed: string; stakes: number[] }> {
  const members = (await sim.query({ type: 'members' })) as { validators: number[]; members: { publicKey: string }[] }
  const seed = toHexString(sha256Bytes(utf8(`pos genesis|${members.validators.map((v) => members.members[v]!.publicKey).join(',')}`))).slice(2)
  const stakes: number[] = []
  for (let n = 0; n < members.members.length; n++) {
    const info = (await sim.query({ type: 'node', node: n })) as { consensus: { stake: number } | null }
    stakes.push(info.consensus?.stake ?? 0)
  }
  return { seed, stakes }
}

interface TreeBlock {
  block: number
  height: number
  miner: number
  timeMs: number
  onMainChain: boolean
}

async function mainChain(sim: SimControl): Promise<TreeBlock[]> {
  const tree = (await sim.query({ type: 'block-tree' })) as TreeBlock[]
  return tree.filter((b) => b.onMainChain && b.height > 0).sort((a, b) => a.height - b.height)
}

const SLOT_MS = 2000

export default function grade(g: Grader): void {
  g.check('picks-validator', { ko: '추첨이 지분 있는 검증자만, 늘 같은 결과로 뽑는다', en: 'The draw picks only staked validators, the same way every time' }, async (t: GraderContext) => {
    const cases: { seed: string; stakes: number[] }[] = [
      { seed: 'lesson-9', stakes: [0, 3, 0, 1, 2] },
      { seed: 'only-one', stakes: [0, 0, 7, 0] },
    ]
    for (const { seed, stakes } of cases) {
      const first = await learnerSchedule(t, seed, stakes, 1, 40)
      const bad = first.findIndex((n) => !(n >= 0 && n < stakes.length && stakes[n]! > 0))
      t.expect(bad < 0, 'not-a-validator', {
        ko: `지분이 ${JSON.stringify(stakes)}일 때 슬롯 ${bad + 1}의 제안자로 노드 ${first[bad]}이(가) 나왔습니다. 지분이 0보다 큰 노드(${stakes.map((s, i) => (s > 0 ? i : -1)).filter((i) => i >= 0).join(', ')})만 뽑혀야 합니다. 지분이 0인 노드는 건너뛰고, 돌려주는 값은 stakes 배열의 위치(노드 번호)여야 합니다.`,
        en: `With stakes ${JSON.stringify(stakes)}, slot ${bad + 1}'s proposer came out as node ${first[bad]}. Only nodes with stake above 0 (${stakes.map((s, i) => (s > 0 ? i : -1)).filter((i) => i >= 0).join(', ')}) may be picked. Skip stake-0 nodes, and return the position in the stakes array (the node id).`,
      })
      const again = await learnerSchedule(t, seed, stakes, 1, 40)
      t.expect(again.join(',') === first.join(','), 'not-deterministic', {
        ko: '같은 seed, 같은 슬롯인데 두 번 부를 때 결과가 달랐습니다. 모든 노드가 같은 답을 계산할 수 있어야 하므로 Math.random이나 시간 대신 sha256(`${seed}|${slot}`)만 쓰세요.',
        en: 'The same seed and slots gave different proposers on two calls. Every node must compute the same answer, so use only sha256(`${seed}|${slot}`), not Math.random or the time.',
      })
    }
  })

  g.check('stake-weighted', { ko: '지분이 많을수록 더 자주 뽑힌다', en: 'More stake means picked more often' }, async (t: GraderContext) => {
    const cases: { stakes: number[]; slack: number }[] = [
      { stakes: [1, 3], slack: 0.04 },
      { stakes: [5, 0, 5, 10], slack: 0.04 },
    ]
    for (const { stakes, slack } of cases) {
      const n = 2000
      const picks = await learnerSchedule(t, 'stake-test', stakes, 1, n)
      const total = stakes.reduce((a, b) => a + b, 0)
      for (let node = 0; node < stakes.length; node++) {
        const share = picks.filter((p) => p === node).length / n
        const expected = stakes[node]! / total
        t.expect(Math.abs(share - expected) <= slack, 'share-off', {
          ko: `지분 ${JSON.stringify(stakes)}으로 슬롯 ${n}개를 뽑았더니 노드 ${node}(지분 ${stakes[node]})가 ${(share * 100).toFixed(1)}%를 가져갔습니다. 지분 비율대로라면 약 ${(expected * 100).toFixed(0)}%여야 합니다. 검증자를 똑같은 확률로 고르지 말고, point = u × 전체 지분을 구한 뒤 지분 구간을 차례로 지나가며 point가 들어가는 구간의 노드를 고르세요.`,
          en: `Drawing ${n} slots with stakes ${JSON.stringify(stakes)}, node ${node} (stake ${stakes[node]}) got ${(share * 100).toFixed(1)}% of them; by stake it should get about ${(expected * 100).toFixed(0)}%. Do not give validators equal chances: compute point = u × total stake and walk the stake intervals until point falls in one.`,
        })
      }
    }
  })

  g.check('matches-network', { ko: '내 추첨 결과가 시뮬레이터의 실제 제안자와 같다', en: "Your draw gives the simulator's real proposers" }, async (t: GraderContext) => {
    const sim = t.sim!
    if ((await sim.now()) < 41_000) await sim.runFor(41_000 - (await sim.now()))
    const { seed, stakes } = await networkLottery(sim)
    const blocks = await mainChain(sim)
    const slots = 20
    const mine = await learnerSchedule(t, seed, stakes, 1, slots)
    for (let i = 0; i < slots; i++) {
      const slot = i + 1
      const block = blocks.find((b) => Math.round(b.timeMs / SLOT_MS) === slot)
      const want = block?.miner ?? refProposer(seed, slot, stakes)
      t.expect(mine[i] === want, 'network-mismatch', {
        ko: `네트워크의 seed(${seed.slice(0, 12)}…)와 지분(검증자 ${stakes.filter((s) => s > 0).length}명, 각 ${stakes[0]})으로 슬롯 ${slot}을 추첨하면 노드 ${want}${block ? `(실제로 블록 ${block.block}을 만든 노드)` : ''}가 나와야 하는데, 여러분의 추첨은 노드 ${mine[i]}입니다. 규칙을 정확히 따르세요: h = sha256(\`\${seed}|\${slot}\`), x = parseInt(h.slice(2, 15), 16), u = x / 2 ** 52, point = u × 전체 지분, 그리고 노드 0부터 지분 구간을 지나갑니다. "해시 mod 전체 지분"은 지분 비율은 맞아도 네트워크와 다른 노드를 뽑습니다.`,
        en: `With the network's seed (${seed.slice(0, 12)}…) and stakes (${stakes.filter((s) => s > 0).length} validators, ${stakes[0]} each), slot ${slot} should go to node ${want}${block ? ` (the node that really made block ${block.block})` : ''}, but your draw gives node ${mine[i]}. Follow the rule exactly: h = sha256(\`\${seed}|\${slot}\`), x = parseInt(h.slice(2, 15), 16), u = x / 2 ** 52, point = u × total stake, then walk the stake intervals from node 0. "hash mod total stake" has the right proportions but picks different nodes from the network's.`,
      })
    }
    const uneven = [0, 2, 5, 0, 1, 8]
    const got = await learnerSchedule(t, 'uneven', uneven, 100, 60)
    const bad = got.findIndex((p, i) => p !== refProposer('uneven', 100 + i, uneven))
    t.expect(bad < 0, 'uneven-mismatch', {
      ko: `지분이 고르지 않을 때(${JSON.stringify(uneven)}, seed 'uneven') 슬롯 ${100 + bad}은 노드 ${refProposer('uneven', 100 + bad, uneven)}이어야 하는데 노드 ${got[bad]}입니다. point를 지분 구간에서 찾을 때 노드 0부터 순서대로, 지분 0인 노드는 건너뛰며, point < stake이면 그 노드, 아니면 point에서 stake를 빼고 다음으로 가세요.`,
      en: `With uneven stakes (${JSON.stringify(uneven)}, seed 'uneven') slot ${100 + bad} should go to node ${refProposer('uneven', 100 + bad, uneven)}, but you picked node ${got[bad]}. Walk the nodes from 0 in order, skip stake-0 nodes; if point < stake pick that node, otherwise subtract stake from point and go on.`,
    })
  })

  g.check('observe', { ko: 'observe()가 seed, 확정 높이, 제안자 목록을 정확히 보고한다', en: 'observe() reports the seed, the finalized height and the proposers exactly' }, async (t: GraderContext) => {
    const sim = t.sim!
    const value = (await call(t, 'observe', [])) as { seed?: unknown; finalizedHeight?: unknown; proposers?: unknown } | null
    t.expect(typeof value === 'object' && value !== null, 'observation-shape', {
      ko: `observe()는 { seed, finalizedHeight, proposers } 객체를 돌려주어야 하는데 ${JSON.stringify(value) ?? String(value)}이(가) 나왔습니다.`,
      en: `observe() should return an object { seed, finalizedHeight, proposers }, but returned ${JSON.stringify(value) ?? String(value)}.`,
    })
    const { seed } = await networkLottery(sim)
    t.expect(typeof value.seed === 'string' && value.seed.toLowerCase().replace(/^0x/, '') === seed, 'seed-mismatch', {
      ko: `seed는 ${seed.slice(0, 16)}…이어야 하는데 ${JSON.stringify(value.seed)}입니다. members 질의의 validators 순서대로 각 검증자의 members[v].publicKey를 모아 genesisSeed(keys)에 넘기세요.`,
      en: `seed should be ${seed.slice(0, 16)}…, but is ${JSON.stringify(value.seed)}. Collect members[v].publicKey for each v in the members query's validators, in that order, and pass them to genesisSeed(keys).`,
    })
    const node0 = (await sim.query({ type: 'node', node: 0 })) as { finalized: number; height: number }
    const finalized = (await sim.query({ type: 'block', block: node0.finalized })) as { height: number }
    t.expect(finalized.height > 0, 'nothing-final-yet', {
      ko: `지금 시뮬레이션 시각 ${Math.round((await sim.now()) / 1000)}초인데 노드 0이 확정한 블록이 아직 제네시스뿐입니다. 캐스퍼 FFG는 에포크(8슬롯 = 16초) 경계의 체크포인트가 두 번 연달아 정당화되어야 확정하므로, observe()에서 네트워크를 최소 60초 돌리세요.`,
      en: `Simulated time is ${Math.round((await sim.now()) / 1000)} s and node 0 has finalized nothing beyond the genesis yet. Casper FFG finalizes a checkpoint only after two justified epoch boundaries in a row (an epoch is 8 slots = 16 s), so run the network at least 60 s in observe().`,
    })
    t.expect(Number(value.finalizedHeight) === finalized.height, 'finalized-mismatch', {
      ko: `노드 0이 확정한 마지막 블록의 높이는 ${finalized.height}인데 finalizedHeight가 ${JSON.stringify(value.finalizedHeight)}입니다.${Number(value.finalizedHeight) === node0.height ? ' 그 값은 노드 0의 체인 끝(head) 높이입니다. 확정(finalized)은 되돌릴 수 없다고 합의된 지점으로, 보통 끝보다 한두 에포크 뒤에 있습니다.' : ''} { type: 'node', node: 0 }의 finalized(블록 번호)를 { type: 'block', block: … }로 조회해 height를 읽으세요.`,
      en: `The last block node 0 finalized has height ${finalized.height}, but finalizedHeight is ${JSON.stringify(value.finalizedHeight)}.${Number(value.finalizedHeight) === node0.height ? " That is the height of node 0's head. Finalized is the point agreed never to be reverted, usually an epoch or two behind the head." : ''} Look up finalized (a block id) from { type: 'node', node: 0 } with { type: 'block', block: … } and read its height.`,
    })
    const blocks = await mainChain(sim)
    const want = blocks.map((b) => b.miner)
    const got = Array.isArray(value.proposers) ? value.proposers.map(Number) : null
    const firstDiff = got === null ? 0 : want.findIndex((m, i) => got[i] !== m)
    t.expect(got !== null && got.length === want.length && firstDiff < 0, 'proposers-mismatch', {
      ko: `주 체인에는 높이 1부터 ${want.length}까지 블록이 ${want.length}개 있고 제안자는 [${want.slice(0, 6).join(', ')}${want.length > 6 ? ', …' : ''}]인데, proposers는 ${got === null ? JSON.stringify(value.proposers) : `${got.length}개 [${got.slice(0, 6).join(', ')}${got.length > 6 ? ', …' : ''}]`}입니다.${got !== null && firstDiff >= 0 ? ` 높이 ${firstDiff + 1}에서 처음 다릅니다.` : ''} block-tree에서 onMainChain이 true이고 height가 1 이상인 블록을 높이 순으로 정렬해 miner를 모으세요.`,
      en: `The main chain has ${want.length} blocks from height 1 to ${want.length}, proposed by [${want.slice(0, 6).join(', ')}${want.length > 6 ? ', …' : ''}], but proposers is ${got === null ? JSON.stringify(value.proposers) : `${got.length} long: [${got.slice(0, 6).join(', ')}${got.length > 6 ? ', …' : ''}]`}.${got !== null && firstDiff >= 0 ? ` They first differ at height ${firstDiff + 1}.` : ''} Take the block-tree entries with onMainChain true and height 1 or more, sort them by height and collect their miner.`,
    })
  })
}
