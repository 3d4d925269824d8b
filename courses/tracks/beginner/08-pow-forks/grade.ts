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
  const run = await t.runLearnerScript(FILE, { call: fn, args: [], allowError: true })
  if (run.error) {
    if (run.error.code === 'script.missing' || run.error.code === 'script.export-missing') {
      t.fail(run.error.code === 'script.missing' ? 'file-missing' : 'export-missing', { ko: run.error.ko, en: run.error.en })
    }
    if (/SyntaxError/.test(run.error.en)) {
      t.fail('script-error', {
        ko: `${FILE}을(를) 읽을 수 없습니다: ${run.error.ko.trim().replace(/[.]+$/, '')}. 그 줄의 문법 오류(괄호, 쉼표 등)를 고치세요.`,
        en: `${FILE} cannot be read: ${run.error.en.trim().replace(/[.]+$/, '')}. Fix the syntax error on that line (brackets, commas, …).`,
      })
    }
    t.fail('script-error', {
      ko: `${FILE}의 ${fn}()를 실행하다 오류가 났습니다: ${run.error.ko.trim().replace(/[.]+$/, '')}. 명령과 질의의 모양(예: { type: 'partition', groups: [[0, 1, 2, 3], [4, 5, 6, 7]] })이 맞는지, 노드 번호가 0~7인지 확인하세요.`,
      en: `Running ${fn}() in ${FILE} failed: ${run.error.en.trim().replace(/[.]+$/, '')}. Check the shape of your commands and queries (e.g. { type: 'partition', groups: [[0, 1, 2, 3], [4, 5, 6, 7]] }) and that node ids are 0 to 7.`,
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
  const staleTip = want.stale.includes(got.tip)
  t.fail('tip-mismatch', {
    ko: `${when.ko} 이긴 체인의 끝은 높이 ${want.height}의 블록 ${want.tip}인데, findForks()는 블록 ${got.tip}, 높이 ${got.height}을(를) 돌려주었습니다.${staleTip ? ` 블록 ${got.tip}은(는) 스테일 블록입니다. 가장 최근에 캔 블록(번호가 가장 큰 블록)이 늘 이긴 체인 위에 있는 것은 아닙니다.` : ''} 주 체인(onMainChain이 true)에서 가장 높은 블록을 고르거나, 합의가 끝난 뒤 heads 질의로 모든 노드가 가리키는 tip을 보세요. 블록 번호(block)와 높이(height)는 다른 값입니다. 스테일 블록도 번호를 받기 때문입니다.`,
    en: `${when.en} The winning chain ends at block ${want.tip}, height ${want.height}, but findForks() returned block ${got.tip}, height ${got.height}.${staleTip ? ` Block ${got.tip} is stale: the newest block (the highest id) is not always on the winning chain.` : ''} Take the highest block with onMainChain true, or, once the nodes agree, the tip every node reports in the heads query. A block's id and its height differ, because stale blocks get ids too.`,
  })
}

const AFTER_YOURS = { ko: '여러분의 makeFork() 뒤:', en: 'After your makeFork():' }
const AFTER_MINE = {
  ko: '채점기가 네트워크를 한 번 더 갈라놓았다가 다시 잇고, 마지막에 노드 0 혼자 늦게 캔 블록 하나가 지게 만든 뒤:',
  en: 'After the grader split and healed the network once more, and finally made node 0 alone mine one late block that loses:',
}

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
    // Two branches of equal height stay tied until the next block, however long the learner waited:
    // that is luck, not the learner's doing. So the grader lets a healed network run on a little
    // (up to 2 minutes) before it calls the nodes disagreeing.
    let c = (await sim.query({ type: 'consistency' })) as { agree: boolean; tips: { tip: number; height: number; nodes: number }[] }
    for (let i = 0; i < 8 && !c.agree; i++) {
      await sim.runFor(15_000)
      c = await sim.query({ type: 'consistency' })
    }
    t.expect(c.agree, 'nodes-disagree', {
      ko: `heal은 했지만 2분을 더 돌려도 노드들이 서로 다른 끝을 따릅니다: ${c.tips.map((x) => `블록 ${x.tip}(높이 ${x.height})에 노드 ${x.nodes}개`).join(', ')}. 모든 노드가 서로 연결되어 있는지(heal 뒤에 다시 partition하지 않았는지) 확인하고, heal 뒤에는 consistency 질의의 agree가 true가 될 때까지 네트워크를 돌리세요.`,
      en: `The network is healed, but even 2 minutes later the nodes still follow different tips: ${c.tips.map((x) => `block ${x.tip} (height ${x.height}) on ${x.nodes} node${x.nodes === 1 ? '' : 's'}`).join(', ')}. Check that every node is connected again (no partition after the heal), and after healing run the network until the consistency query's agree is true.`,
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
    // A late loser: node 0 alone mines one block after node 1 (with the other six) has mined two, so the
    // newest block (the highest id) is a stale one. "The tip is the highest id" fails here.
    await sim.apply({ type: 'partition', groups: [[0], [1, 2, 3, 4, 5, 6, 7]] })
    await sim.apply({ type: 'mine', node: 1 })
    await sim.apply({ type: 'mine', node: 1 }) // on top of its own block: the seven are two ahead
    await sim.apply({ type: 'mine', node: 0 })
    await sim.apply({ type: 'heal' })
    for (let i = 0; i < 40; i++) {
      await sim.runFor(i === 0 ? 1_000 : 15_000)
      if (((await sim.query({ type: 'consistency' })) as { agree: boolean }).agree) break
    }
    const want = await truth(sim)
    const got = readReport(t, await call(t, 'findForks'))
    compareStale(t, got, want, AFTER_MINE)
    compareTip(t, got, want, AFTER_MINE)
  })
}
