import type { Grader, GraderContext, SimControl } from '@playground/grader'

/**
 * Grades forks.ts on the pow-lan network (8 equal miners). makeFork() must leave stale blocks
 * behind and a healed network that agrees again; findForks() must report exactly what the
 * grader's own queries of the same network say — once on the learner's fork and once more on a
 * fork the grader makes itself.
 */

const FILE = 'forks.ts'

interface TreeBlock {
  block: number
  parent: number
  height: number
  onMainChain: boolean
}

interface Truth {
  stale: number[]
  tip: number
  height: number
  blocks: number
}

async function truth(sim: SimControl): Promise<Truth> {
  const tree = (await sim.query({ type: 'block-tree' })) as TreeBlock[]
  let tip = tree[0]!
  for (const b of tree) if (b.onMainChain && b.height > tip.height) tip = b
  return { stale: tree.filter((b) => !b.onMainChain).map((b) => b.block), tip: tip.block, height: tip.height, blocks: tree.length }
}

async function call(t: GraderContext, fn: string): Promise<unknown> {
  const run = await t.runLearnerScript(FILE, { call: fn, args: [] })
  if (run.error) {
    t.fail('script-error', {
      ko: `${FILE}의 ${fn}()를 실행하다 오류가 났습니다: ${run.error.ko}${run.error.line ? ` (${run.error.line}번째 줄)` : ''}. 명령과 질의의 모양(예: { type: 'partition', groups: [[0, 1, 2, 3], [4, 5, 6, 7]] })이 맞는지, 노드 번호가 0~7인지 확인하세요.`,
      en: `Running ${fn}() in ${FILE} failed: ${run.error.en}${run.error.line ? ` (line ${run.error.line})` : ''}. Check the shape of your commands and queries (e.g. { type: 'partition', groups: [[0, 1, 2, 3], [4, 5, 6, 7]] }) and that node ids are 0 to 7.`,
    })
  }
  return run.returnValue
}

interface Report {
  stale: number[]
  tip: number
  height: number
}

/** Reads the learner's report or fails with what is wrong with its shape. */
function readReport(t: GraderContext, value: unknown): Report {
  const r = value as { staleBlocks?: unknown; winningTip?: unknown; height?: unknown } | null
  const ok =
    typeof r === 'object' &&
    r !== null &&
    Array.isArray(r.staleBlocks) &&
    r.staleBlocks.every((x) => Number.isInteger(Number(x))) &&
    Number.isInteger(Number(r.winningTip)) &&
    Number.isInteger(Number(r.height))
  if (!ok) {
    t.fail('report-shape', {
      ko: `findForks()는 { staleBlocks: 블록 번호 배열, winningTip: 블록 번호, height: 높이 } 모양의 객체를 돌려주어야 하는데 ${JSON.stringify(value) ?? String(value)}이(가) 나왔습니다.`,
      en: `findForks() should return an object { staleBlocks: an array of block ids, winningTip: a block id, height: a height }, but it returned ${JSON.stringify(value) ?? String(value)}.`,
    })
  }
  return { stale: (r!.staleBlocks as unknown[]).map(Number).sort((a, b) => a - b), tip: Number(r!.winningTip), height: Number(r!.height) }
}

const list = (xs: number[]): string => (xs.length === 0 ? '[]' : `[${xs.join(', ')}]`)

function compareStale(t: GraderContext, got: Report, want: Truth, when: { ko: string; en: string }): void {
  const wantSorted = [...want.stale].sort((a, b) => a - b)
  if (list(got.stale) === list(wantSorted)) return
  const extra = got.stale.filter((b) => !wantSorted.includes(b))
  const missing = wantSorted.filter((b) => !got.stale.includes(b))
  t.fail('stale-mismatch', {
    ko: `${when.ko} 트리에는 블록이 ${want.blocks}개(제네시스 포함) 있고, 주 체인에 없는 블록(스테일)은 ${list(wantSorted)}입니다. findForks()는 ${list(got.stale)}을(를) 돌려주었습니다.${extra.length ? ` ${list(extra)}은(는) 주 체인 위에 있으니 스테일이 아닙니다.` : ''}${missing.length ? ` ${list(missing)}이(가) 빠졌습니다.` : ''} 스테일 블록은 진 가지의 블록만입니다. 이긴 가지의 블록은 갈라진 지점에 있어도 스테일이 아닙니다. block-tree의 onMainChain을 보거나, 노드 0의 체인(chain 질의)에 없는 블록을 고르세요.`,
    en: `${when.en} The tree has ${want.blocks} blocks (genesis included); the ones not on the main chain (stale) are ${list(wantSorted)}. findForks() returned ${list(got.stale)}.${extra.length ? ` ${list(extra)} ${extra.length === 1 ? 'is' : 'are'} on the main chain, so not stale.` : ''}${missing.length ? ` Missing: ${list(missing)}.` : ''} Only the losing branch's blocks are stale; a block of the winning branch is not, even right at the fork. Use onMainChain in block-tree, or pick the blocks that are not in node 0's chain (the chain query).`,
  })
}

function compareTip(t: GraderContext, got: Report, want: Truth, when: { ko: string; en: string }): void {
  if (got.tip === want.tip && got.height === want.height) return
  t.fail('tip-mismatch', {
    ko: `${when.ko} 이긴 체인의 끝은 높이 ${want.height}의 블록 ${want.tip}인데, findForks()는 블록 ${got.tip}, 높이 ${got.height}을(를) 돌려주었습니다. 주 체인(onMainChain이 true)에서 가장 높은 블록을 고르거나, 합의가 끝난 뒤 heads 질의로 모든 노드가 가리키는 tip을 보세요. 블록 번호(block)와 높이(height)는 다른 값입니다. 스테일 블록도 번호를 받기 때문입니다.`,
    en: `${when.en} The winning chain ends at block ${want.tip}, height ${want.height}, but findForks() returned block ${got.tip}, height ${got.height}. Take the highest block with onMainChain true, or, once the nodes agree, the tip every node reports in the heads query. A block's id and its height differ, because stale blocks get ids too.`,
  })
}

const AFTER_YOURS = { ko: '여러분의 makeFork() 뒤:', en: 'After your makeFork():' }
const AFTER_MINE = { ko: '채점기가 네트워크를 한 번 더 갈라놓았다가 다시 이은 뒤:', en: 'After the grader split and healed the network once more:' }

export default function grade(g: Grader): void {
  g.check('fork-made', { ko: 'makeFork()가 포크를 일으켜 스테일 블록이 생긴다', en: 'makeFork() causes a fork that leaves stale blocks' }, async (t: GraderContext) => {
    const sim = t.sim!
    const start = await sim.now()
    await call(t, 'makeFork')
    const ran = ((await sim.now()) - start) / 1000
    const now = await truth(sim)
    t.expect(now.stale.length > 0, 'no-stale-blocks', {
      ko: `makeFork()가 네트워크를 ${Math.round(ran)}초 동안 돌렸고 블록이 ${now.blocks - 1}개 채굴되었지만, 스테일 블록이 하나도 없습니다. 모든 채굴자가 같은 체인 하나를 이어 갔다는 뜻입니다. LAN에서는 블록이 몇 밀리초면 퍼지므로 저절로 포크가 나는 일은 드뭅니다. partition 명령으로 채굴자를 두 그룹으로 나누고, 양쪽이 각자 블록을 캘 수 있게 몇 분(예: 150초) 돌린 다음 heal 하세요.`,
      en: `makeFork() ran the network for ${Math.round(ran)} s and ${now.blocks - 1} blocks were mined, but none is stale: every miner extended the same chain. On a LAN a block reaches everyone within milliseconds, so forks rarely happen on their own. Split the miners into two groups with a partition command, let both sides mine for a few minutes (e.g. 150 s), then heal.`,
    })
  })

  g.check('converged', { ko: 'heal 뒤 모든 노드가 같은 체인에 다시 합의한다', en: 'After healing, every node agrees on one chain again' }, async (t: GraderContext) => {
    const sim = t.sim!
    const status = (await sim.query({ type: 'status' })) as { partitioned: boolean }
    t.expect(!status.partitioned, 'still-partitioned', {
      ko: 'makeFork()가 끝났는데 네트워크가 아직 나뉘어 있습니다. 두 그룹은 서로의 블록을 영영 보지 못하므로 포크가 풀리지 않습니다. 마지막에 { type: \'heal\' }을 apply하고, 30~60초 더 돌리세요.',
      en: "makeFork() finished with the network still partitioned: the two groups never see each other's blocks, so the fork never resolves. Apply { type: 'heal' } at the end and run 30–60 s more.",
    })
    const c = (await sim.query({ type: 'consistency' })) as { agree: boolean; tips: { tip: number; height: number; nodes: number }[] }
    t.expect(c.agree, 'nodes-disagree', {
      ko: `heal은 했지만 노드들이 아직 서로 다른 끝을 따릅니다: ${c.tips.map((x) => `블록 ${x.tip}(높이 ${x.height})에 노드 ${x.nodes}개`).join(', ')}. 두 가지의 높이가 같으면 다음 블록이 나올 때까지 동점이 이어집니다. heal 뒤에 네트워크를 더 오래(예: 60초) 돌리세요.`,
      en: `The network is healed but the nodes still follow different tips: ${c.tips.map((x) => `block ${x.tip} (height ${x.height}) on ${x.nodes} node${x.nodes === 1 ? '' : 's'}`).join(', ')}. Two branches of the same height stay tied until the next block arrives. Run the network longer after healing (e.g. 60 s).`,
    })
  }, { after: ['fork-made'] })

  g.check(
    'stale-blocks',
    { ko: 'findForks()가 스테일 블록을 정확히 찾는다', en: 'findForks() finds exactly the stale blocks' },
    async (t: GraderContext) => {
      const want = await truth(t.sim!)
      const got = readReport(t, await call(t, 'findForks'))
      compareStale(t, got, want, AFTER_YOURS)
    },
    { after: ['fork-made', 'converged'] },
  )

  g.check(
    'winning-tip',
    { ko: 'findForks()가 이긴 체인의 끝과 높이를 찾는다', en: "findForks() finds the winning chain's tip and height" },
    async (t: GraderContext) => {
      const want = await truth(t.sim!)
      const got = readReport(t, await call(t, 'findForks'))
      compareTip(t, got, want, AFTER_YOURS)
    },
    { after: ['fork-made', 'converged'] },
  )

  g.check('analysis-again', { ko: 'findForks()가 다른 포크에서도 맞다', en: 'findForks() is right on another fork too' }, async (t: GraderContext) => {
    const sim = t.sim!
    await sim.runFor(15_000)
    await sim.apply({ type: 'partition', groups: [[0, 2, 4, 6], [1, 3, 5, 7]] })
    await sim.runFor(150_000)
    await sim.apply({ type: 'heal' })
    for (let i = 0; i < 40; i++) {
      await sim.runFor(15_000)
      const c = (await sim.query({ type: 'consistency' })) as { agree: boolean }
      if (i >= 2 && c.agree) break
    }
    const want = await truth(sim)
    const got = readReport(t, await call(t, 'findForks'))
    compareStale(t, got, want, AFTER_MINE)
    compareTip(t, got, want, AFTER_MINE)
  })
}
