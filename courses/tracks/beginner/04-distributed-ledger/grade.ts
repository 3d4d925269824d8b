import type { Grader, GraderContext, SimControl } from '@playground/grader'

const FILE = 'ledger.ts'
/** The node and height the README's own example uses too, so running the example changes nothing. */
const VICTIM = 5
const HEIGHT = 3
const DATA = '블록 3: Mallory가 1000코인을 받는다 / Mallory receives 1000 coins'
const SECOND_VICTIM = 0
const SECOND_DATA = 'Node 0 rewrites history'

/** An error text without its final period (the message goes on after it). */
const clean = (s: string): string => s.trim().replace(/[.]+$/, '')
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v))

function simOf(t: GraderContext): SimControl {
  // A platform fault, not the learner's: the lesson's network is a simulator preset.
  if (t.sim === undefined) throw new Error('distributed-ledger needs a simulated network (pow-lan)')
  return t.sim
}

/** The nodes whose copy of `block` differs from the block itself: the simulator's own truth. */
async function oddByTruth(t: GraderContext, block: number): Promise<number[]> {
  const net = simOf(t)
  const odd: number[] = []
  for (let n = 0; n < 8; n++) {
    const info = await net.query({ type: 'block', block, node: n })
    if (info.copy !== undefined && info.copy !== null && info.copy.hash !== info.hash) odd.push(n)
  }
  return odd
}

async function call(t: GraderContext, fn: string, args: unknown[]): Promise<unknown> {
  const run = await t.runLearnerScript(FILE, { call: fn, args, allowError: true })
  if (run.error) {
    if (run.error.code === 'script.missing' || run.error.code === 'script.export-missing') {
      t.fail(run.error.code === 'script.missing' ? 'file-missing' : 'export-missing', { ko: run.error.ko, en: run.error.en })
    }
    const notHeld = /does not hold|없습니다/.test(run.error.en + run.error.ko)
    if (!notHeld) {
      // Does the file fail on its own, before any function is called (a syntax error, or code
      // outside the functions)? Then say so rather than blame `fn`.
      const load = await t.runLearnerScript(FILE, { allowError: true, call: '__load_only__' })
      if (load.error && load.error.code !== 'script.export-missing') {
        t.fail('script-error', {
          ko: `${FILE}이(가) 함수를 부르기도 전에, 파일을 불러오는 단계에서 멈췄습니다: ${clean(load.error.ko)}. 문법 오류가 없는지, 그리고 함수 밖의 코드도 파일을 불러올 때마다 실행된다는 점을 생각해 그 코드가 오류를 내지 않는지 확인하세요.`,
          en: `${FILE} stopped while loading, before any of its functions was called: ${clean(load.error.en)}. Check for syntax errors, and remember that code outside the functions runs whenever the file is loaded: make sure it does not throw.`,
        })
      }
    }
    t.fail(notHeld ? 'block-not-there-yet' : 'script-error', {
      ko: `${fn}(${args.map(show).join(', ')})을(를) 부르자 오류가 났습니다: ${clean(run.error.ko)}. ${notHeld ? '그 노드에 아직 그 블록이 없습니다. 네트워크를 먼저 돌려서(net.runFor) 블록이 채굴되게 한 다음, chain 조회로 그 높이의 블록 번호(block)를 찾아 tamper하세요. 블록 번호와 높이는 다를 수 있습니다.' : `${fn}이(가) 오류 없이 값을 돌려주는지, 그리고 함수 밖에 둔 코드(파일을 불러올 때마다 실행됩니다)가 오류를 내지 않는지 확인하세요.`}`,
      en: `Calling ${fn}(${args.map(show).join(', ')}) failed: ${clean(run.error.en)}. ${notHeld ? "That node does not hold that block yet: run the network first (net.runFor) so blocks get mined, then find the block's id at that height with a chain query and tamper with that id. A block's id and its height can differ." : `Check that ${fn} returns a value without throwing, and that any code outside the functions (it runs whenever the file is loaded) does not throw.`}`,
    })
  }
  return run.returnValue
}

/** Checks, with the grader's own queries, that `node`'s copy of `block` was changed to `data` at `height`. */
async function expectTampered(t: GraderContext, id: unknown, node: number, height: number, data: string, fn: string): Promise<number> {
  const net = simOf(t)
  const status = await net.query({ type: 'status' })
  if (status.blocks === 0) {
    t.fail('network-not-run', {
      ko: `${fn}이(가) ${show(id)}을(를) 돌려줬지만 네트워크에는 아직 채굴된 블록이 하나도 없습니다(시뮬레이션 시각 ${status.nowUs / 1000}ms). 먼저 net.runFor(15_000)을 반복해서, 노드 ${node}의 높이가 ${height} 이상이 될 때까지 네트워크를 돌리세요.`,
      en: `${fn} returned ${show(id)}, but the network has not mined a single block yet (simulated time ${status.nowUs / 1000} ms). First call net.runFor(15_000) repeatedly until node ${node}'s height is at least ${height}.`,
    })
  }
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > status.blocks) {
    t.fail('not-a-block-id', {
      ko: `${fn}은(는) tamper한 블록의 번호(1 이상 ${status.blocks} 이하의 정수)를 돌려줘야 하는데 ${show(id)}을(를) 돌려줬습니다. chain 조회 결과에서 찾은 항목의 block 값을 return하세요.`,
      en: `${fn} should return the id of the block it tampered with (a whole number from 1 to ${status.blocks}), but it returned ${show(id)}. Return the block field of the entry you found in the chain query.`,
    })
  }
  const info = await net.query({ type: 'block', block: id, node })
  t.expect(info.height === height, 'wrong-height', {
    ko: `${fn}이(가) 돌려준 블록 ${id}은(는) 높이 ${info.height}에 있습니다. 높이 ${height}의 블록이어야 합니다. chain 조회의 blocks에서 height가 ${height}인 항목을 찾아 그 block 값을 쓰세요. 포크가 한 번이라도 있었으면 블록 번호와 높이는 달라지니, 높이를 블록 번호로 쓰면 안 됩니다.`,
    en: `Block ${id}, which ${fn} returned, is at height ${info.height}; it should be the block at height ${height}. Find the entry with height ${height} in the chain query's blocks and use its block field. Once there has been a fork, block ids and heights differ, so do not use the height as the id.`,
  })
  const me = await net.query({ type: 'node', node })
  const chain = await net.query({ type: 'chain', node, limit: 100_000 })
  const entry = chain.blocks.find((b: { block: number }) => b.block === id)
  t.expect(me.tamperedBlocks.includes(id) && info.copy.hash !== info.hash && entry?.data === data, 'not-tampered', {
    ko: `노드 ${node}의 블록 ${id} 사본이 ${show(data)}(으)로 바뀌어 있지 않습니다(지금 데이터: ${show(entry?.data)}). net.apply({ type: 'tamper', node, block: id, data })를 await와 함께 불렀는지, node와 data에 매개변수를 그대로 넘겼는지 확인하세요.`,
    en: `Node ${node}'s copy of block ${id} was not changed to ${show(data)} (its data now: ${show(entry?.data)}). Check that you await net.apply({ type: 'tamper', node, block: id, data }) and pass the node and data parameters as they are.`,
  })
  return id
}

/** Compares the learner's oddNodes(block) with the expected list (any order). */
async function expectOdd(t: GraderContext, block: number, expected: number[], story: { ko: string; en: string }, advice: { ko: string; en: string }): Promise<void> {
  const got = await call(t, 'oddNodes', [block])
  const list = Array.isArray(got) ? [...got].sort((a, b) => Number(a) - Number(b)) : got
  t.expect(show(list) === show(expected), 'wrong-odd-nodes', {
    ko: `${story.ko} oddNodes(${block})는 ${show(expected)}이어야 하는데 ${show(got)}입니다. ${advice.ko}`,
    en: `${story.en} oddNodes(${block}) should be ${show(expected)}, but it is ${show(got)}. ${advice.en}`,
  })
}

let tampered = -1

export default function grade(g: Grader): void {
  g.check('tampers', { ko: '네트워크를 돌린 뒤 노드 5의 블록 사본을 위변조한다', en: "Runs the network, then tampers with node 5's copy of a block" }, async (t: GraderContext) => {
    const id = await call(t, 'tamperCopy', [VICTIM, HEIGHT, DATA])
    tampered = await expectTampered(t, id, VICTIM, HEIGHT, DATA, 'tamperCopy')
    const net = simOf(t)
    // Only the copy of this block matters here (code of the learner's own elsewhere may tamper other blocks).
    const others = (await oddByTruth(t, tampered)).filter((n) => n !== VICTIM)
    t.expect(others.length === 0, 'tampered-others', {
      ko: `노드 ${VICTIM}만 위변조해야 하는데 노드 ${others.join(', ')}의 사본도 바뀌었습니다. tamper 명령의 node에 매개변수 node를 넘기세요.`,
      en: `Only node ${VICTIM} should be tampered with, but node(s) ${others.join(', ')} changed too. Pass the node parameter as the tamper command's node.`,
    })
    // The network goes on: at least two new blocks are mined on top of the tampered one.
    for (let i = 0; i < 40 && (await net.query({ type: 'node', node: VICTIM })).height < HEIGHT + 2; i++) await net.runFor(15_000)
  })

  const findAdvice = {
    ko: "노드마다 { type: 'block', block, node: n }을 조회해서, 블록의 진짜 해시(hash)와 그 노드 사본의 해시(copy.hash)가 다른 노드를 모으세요. 노드들의 최신 블록(heads)만 비교하면 그 아래 묻힌 블록의 위변조는 보이지 않습니다.",
    en: "Query { type: 'block', block, node: n } for every node and collect the nodes whose copy hash (copy.hash) differs from the block's real hash (hash). Comparing only the nodes' latest blocks (heads) cannot see a tampered block buried below them.",
  }

  g.check('finds-odd-node', { ko: 'oddNodes가 위변조된 사본을 가진 노드를 찾는다', en: 'oddNodes finds the node holding the tampered copy' }, async (t: GraderContext) => {
    await expectOdd(t, tampered, await oddByTruth(t, tampered), {
      ko: `노드 ${VICTIM}의 블록 ${tampered}(높이 ${HEIGHT}) 사본만 바뀌었고, 그 위로 블록이 몇 개 더 채굴되었습니다.`,
      en: `Only node ${VICTIM}'s copy of block ${tampered} (height ${HEIGHT}) changed, and a few more blocks have been mined on top of it since.`,
    }, findAdvice)
  }, { after: ['tampers'] })

  g.check('no-false-alarm', { ko: '손대지 않은 블록에는 아무 노드도 지목하지 않는다', en: 'For an untouched block no node is reported' }, async (t: GraderContext) => {
    const chain = await simOf(t).query({ type: 'chain', node: 1, limit: 100_000 })
    // The lowest block no node has changed (height 1, unless code of the learner's own tampered with it).
    let untouched = -1
    for (const b of [...chain.blocks].sort((x: { height: number }, y: { height: number }) => x.height - y.height) as { block: number; height: number }[]) {
      if (b.height >= 1 && (await oddByTruth(t, b.block)).length === 0) {
        untouched = b.block
        break
      }
    }
    if (untouched < 0) throw new Error('no untouched block found')
    await expectOdd(t, untouched, [], {
      ko: `블록 ${untouched}은(는) 아무 노드에서도 바뀌지 않았습니다.`,
      en: `Block ${untouched} was not changed on any node.`,
    }, {
      ko: `요청받은 블록(매개변수 block)의 사본만 비교하세요. 다른 블록이 위변조되었다고 해서 이 블록의 사본이 달라지지는 않습니다. ${findAdvice.ko}`,
      en: `Compare only the copies of the block you are asked about (the block parameter): another block being tampered with does not make this block's copies differ. ${findAdvice.en}`,
    })
  }, { after: ['tampers'] })

  g.check('other-victim', { ko: '다른 노드(노드 0)가 위변조해도 찾아낸다', en: 'Finds another tampering node too (node 0)' }, async (t: GraderContext) => {
    // First a short fork: the network is split in two, each half mines a block at the same height,
    // then it heals and settles on one of them. From there on a block's id is no longer its height.
    const net = simOf(t)
    await net.apply({ type: 'partition', groups: [[0, 1, 2, 3], [4, 5, 6, 7]] })
    const a = await net.apply({ type: 'mine', node: 1 })
    await net.apply({ type: 'mine', node: 6 })
    await net.runFor(2_000)
    await net.apply({ type: 'heal' })
    const forkHeight = (await net.query({ type: 'block', block: a.block, node: 1 })).height as number
    for (let i = 0; i < 60; i++) {
      await net.runFor(15_000)
      const agreed = (await net.query({ type: 'consistency' })).agree === true
      if (agreed && (await net.query({ type: 'node', node: SECOND_VICTIM })).height >= forkHeight + 2) break
    }
    const secondHeight = forkHeight + 1
    const id = await call(t, 'tamperCopy', [SECOND_VICTIM, secondHeight, SECOND_DATA])
    const block = await expectTampered(t, id, SECOND_VICTIM, secondHeight, SECOND_DATA, 'tamperCopy')
    await expectOdd(t, block, await oddByTruth(t, block), {
      ko: `이번에는 노드 ${SECOND_VICTIM}의 블록 ${block}(높이 ${secondHeight}) 사본만 바뀌었습니다.`,
      en: `This time only node ${SECOND_VICTIM}'s copy of block ${block} (height ${secondHeight}) changed.`,
    }, {
      ko: `어느 한 노드(예: 노드 0)를 기준으로 삼으면, 그 노드가 위변조했을 때 나머지 모두가 틀린 것처럼 보입니다. 블록의 진짜 해시(hash)나 다수결과 비교하세요. ${findAdvice.ko}`,
      en: `If you take one node (say node 0) as the reference, everyone else looks wrong when that node is the one that tampered. Compare with the block's real hash (hash) or with the majority. ${findAdvice.en}`,
    })
  }, { after: ['tampers'] })
}
