import type { Grader, GraderContext, SimControl } from '@playground/grader'

/**
 * Grades pos.ts on the `pos` network (100 equal-stake validators, 2 s slots, 8-slot epochs).
 * schedule() (built on the learner's proposerOf) is checked for picking only validators, for
 * following stake (statistically), and exactly against the network's real proposers and the
 * grader's own implementation of the same draw. observe() is compared with the grader's own
 * queries of the same network at the same moment.
 */

const FILE = 'pos.ts'

/** The draw, exactly as runtime/consensus/pos/proposer.ts makes it (SHA-256 by the host: t.sha256). */
async function refProposer(t: GraderContext, seed: string, slot: number, stakes: number[]): Promise<number> {
  const h = await t.sha256(`${seed}|${slot}`)
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
async function networkLottery(t: GraderContext, sim: SimControl): Promise<{ seed: string; stakes: number[] }> {
  const members = (await sim.query({ type: 'members' })) as { validators: number[]; members: { publicKey: string }[] }
  const seed = (await t.sha256(`pos genesis|${members.validators.map((v) => members.members[v]!.publicKey).join(',')}`)).slice(2).toLowerCase()
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
        // Nearly every slot to one node: u is stuck near 0 or 1 rather than spread over [0, 1).
        const stuck = share > 0.95
          ? {
              ko: ' 거의 모든 슬롯이 한 노드에게 갔습니다. u가 0과 1 사이에 고루 퍼지지 않고 한쪽에 몰려 있다는 뜻입니다. x가 "0x" 다음의 16진수 13자리(h.slice(2, 15))인지, 2 ** 52로 나누는지 확인하세요.',
              en: ' Nearly every slot went to one node, so u is not spread between 0 and 1. Check that x is the 13 hex digits after "0x" (h.slice(2, 15)) and that you divide by 2 ** 52.',
            }
          : { ko: '', en: '' }
        t.expect(Math.abs(share - expected) <= slack, 'share-off', {
          ko: `지분 ${JSON.stringify(stakes)}으로 슬롯 ${n}개를 뽑았더니 노드 ${node}(지분 ${stakes[node]})가 ${(share * 100).toFixed(1)}%를 가져갔습니다. 지분 비율대로라면 약 ${(expected * 100).toFixed(0)}%여야 합니다.${stuck.ko} 검증자를 똑같은 확률로 고르지 말고, point = u × 전체 지분을 구한 뒤 지분 구간을 차례로 지나가며 point가 들어가는 구간의 노드를 고르세요.`,
          en: `Drawing ${n} slots with stakes ${JSON.stringify(stakes)}, node ${node} (stake ${stakes[node]}) got ${(share * 100).toFixed(1)}% of them; by stake it should get about ${(expected * 100).toFixed(0)}%.${stuck.en} Do not give validators equal chances: compute point = u × total stake and walk the stake intervals until point falls in one.`,
        })
      }
    }
  })

  g.check('matches-network', { ko: '내 추첨 결과가 시뮬레이터의 실제 제안자와 같다', en: "Your draw gives the simulator's real proposers" }, async (t: GraderContext) => {
    const sim = t.sim!
    if ((await sim.now()) < 41_000) await sim.runFor(41_000 - (await sim.now()))
    const { seed, stakes } = await networkLottery(t, sim)
    const blocks = await mainChain(sim)
    const slots = 20
    const mine = await learnerSchedule(t, seed, stakes, 1, slots)
    for (let i = 0; i < slots; i++) {
      const slot = i + 1
      const block = blocks.find((b) => Math.round(b.timeMs / SLOT_MS) === slot)
      const want = block?.miner ?? (await refProposer(t, seed, slot, stakes))
      t.expect(mine[i] === want, 'network-mismatch', {
        ko: `네트워크의 seed(${seed.slice(0, 12)}…)와 지분(검증자 ${stakes.filter((s) => s > 0).length}명, 각 ${stakes[0]})으로 슬롯 ${slot}을 추첨하면 노드 ${want}${block ? `(실제로 블록 ${block.block}을 만든 노드)` : ''}가 나와야 하는데, 여러분의 추첨은 노드 ${mine[i]}입니다. 규칙을 정확히 따르세요: h = sha256(\`\${seed}|\${slot}\`), x = parseInt(h.slice(2, 15), 16), u = x / 2 ** 52, point = u × 전체 지분, 그리고 노드 0부터 지분 구간을 지나갑니다. "해시 mod 전체 지분"은 지분 비율은 맞아도 네트워크와 다른 노드를 뽑습니다.`,
        en: `With the network's seed (${seed.slice(0, 12)}…) and stakes (${stakes.filter((s) => s > 0).length} validators, ${stakes[0]} each), slot ${slot} should go to node ${want}${block ? ` (the node that really made block ${block.block})` : ''}, but your draw gives node ${mine[i]}. Follow the rule exactly: h = sha256(\`\${seed}|\${slot}\`), x = parseInt(h.slice(2, 15), 16), u = x / 2 ** 52, point = u × total stake, then walk the stake intervals from node 0. "hash mod total stake" has the right proportions but picks different nodes from the network's.`,
      })
    }
    const uneven = [0, 2, 5, 0, 1, 8]
    const got = await learnerSchedule(t, 'uneven', uneven, 100, 60)
    const ref: number[] = []
    for (let i = 0; i < got.length; i++) ref.push(await refProposer(t, 'uneven', 100 + i, uneven))
    const bad = got.findIndex((p, i) => p !== ref[i])
    t.expect(bad < 0, 'uneven-mismatch', {
      ko: `지분이 고르지 않을 때(${JSON.stringify(uneven)}, seed 'uneven') 슬롯 ${100 + bad}은 노드 ${ref[bad]}이어야 하는데 노드 ${got[bad]}입니다. point를 지분 구간에서 찾을 때 노드 0부터 순서대로, 지분 0인 노드는 건너뛰며, point < stake이면 그 노드, 아니면 point에서 stake를 빼고 다음으로 가세요.`,
      en: `With uneven stakes (${JSON.stringify(uneven)}, seed 'uneven') slot ${100 + bad} should go to node ${ref[bad]}, but you picked node ${got[bad]}. Walk the nodes from 0 in order, skip stake-0 nodes; if point < stake pick that node, otherwise subtract stake from point and go on.`,
    })
  })

  g.check('observe', { ko: 'observe()가 seed, 확정 높이, 제안자 목록을 정확히 보고한다', en: 'observe() reports the seed, the finalized height and the proposers exactly' }, async (t: GraderContext) => {
    const sim = t.sim!
    const returned: unknown = await call(t, 'observe', [])
    if (typeof returned !== 'object' || returned === null) {
      t.fail('observation-shape', {
        ko: `observe()는 { seed, finalizedHeight, proposers } 객체를 돌려주어야 하는데 ${JSON.stringify(returned) ?? String(returned)}이(가) 나왔습니다.`,
        en: `observe() should return an object { seed, finalizedHeight, proposers }, but returned ${JSON.stringify(returned) ?? String(returned)}.`,
      })
    }
    const value = returned as { seed?: unknown; finalizedHeight?: unknown; proposers?: unknown }
    const { seed } = await networkLottery(t, sim)
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
