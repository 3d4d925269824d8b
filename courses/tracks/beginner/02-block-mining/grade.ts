import type { Grader, GraderContext } from '@playground/grader'

const FILE = 'mining.ts'

interface Block {
  number: number
  previousHash: string
  data: string
  nonce: number
}

const ZERO_HASH = '0x' + '0'.repeat(64)

/** The lesson's block text and hash, computed by the grader itself. */
const blockText = (b: Block): string => `${b.number}|${b.previousHash}|${b.data}|${b.nonce}`
const expectedHash = (t: GraderContext, b: Block): Promise<string> => t.sha256(blockText(b))

/** An error text without its final period (the message goes on after it). */
const clean = (s: string): string => s.trim().replace(/[.]+$/, '')
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v))
const describe = (b: Block): string => `{ number: ${b.number}, previousHash: '${b.previousHash.slice(0, 10)}…', data: ${show(b.data)}, nonce: ${b.nonce} }`

async function call(t: GraderContext, fn: string, args: unknown[], shown: string): Promise<unknown> {
  const run = await t.runLearnerScript(FILE, { call: fn, args, allowError: true })
  if (run.error) {
    const where = run.error.line === undefined ? '' : ` (line ${run.error.line})`
    const whereKo = run.error.line === undefined ? '' : `의 ${run.error.line}번째 줄`
    const lineKo = run.error.line === undefined ? '' : ` (${run.error.line}번째 줄)`
    const slow = run.error.code.includes('cpu') || run.error.code.includes('wall')
    t.fail(slow ? 'too-slow' : 'script-error', {
      ko: `${fn}(${shown})을(를) 부르자 오류가 났습니다${lineKo}: ${clean(run.error.ko)}. ${slow ? "mine이 끝나지 않았다면 해시의 '0x'를 빼고 0을 세는지, 반복할 때마다 nonce를 바꾼 블록을 해시하는지 확인하세요. 채점기가 함수를 부를 때마다 파일 맨 아래의 예시 코드(mine(block, 2))도 함께 실행됩니다." : `${run.error.code === 'script.export-missing' || run.error.code === 'script.missing' ? '' : `${FILE}${whereKo}에 있는 오류를 고치세요. 채점기가 함수를 부를 때마다 파일 전체(맨 아래 예시 코드 포함)가 실행됩니다.`}`}`,
      en: `Calling ${fn}(${shown}) failed${where}: ${clean(run.error.en)}. ${slow ? "If mine never finishes, check that you count the zeros after '0x' and that every try hashes the block with the new nonce. The example at the bottom of the file (mine(block, 2)) runs too, every time the grader calls one of your functions." : run.error.code === 'script.export-missing' || run.error.code === 'script.missing' ? '' : `Fix the error in ${FILE}${where}: the whole file runs (the example at the bottom included) every time the grader calls one of your functions.`}`,
    })
  }
  return run.returnValue
}

const HASH_BLOCKS: Block[] = [
  { number: 1, previousHash: ZERO_HASH, data: 'Alice pays Bob 10', nonce: 0 },
  { number: 7, previousHash: '0x00a1d05e6843ad428dd44317689b5b582d480ecb0cfe76a0e18d3212f922401d', data: '한우 이력번호 002 1234 5678: 도축 검사 합격', nonce: 12345 },
  { number: 0, previousHash: ZERO_HASH, data: '', nonce: 42 },
]

/** Blocks to mine and the difficulty; the grader checks whatever nonce comes back. */
const MINE_CASES: { block: Block; difficulty: number }[] = [
  { block: { number: 1, previousHash: ZERO_HASH, data: 'Alice pays Bob 10', nonce: 0 }, difficulty: 2 },
  { block: { number: 2, previousHash: '0x008b06793f2e673bd10adf8a2ae2ad0215d4e822fb83204a663f658ab595f5bd', data: 'Bob pays Carol 3', nonce: 0 }, difficulty: 2 },
  { block: { number: 3, previousHash: '0x00a1d05e6843ad428dd44317689b5b582d480ecb0cfe76a0e18d3212f922401d', data: '한우 이력번호 002 1234 5678: 도축 검사 합격', nonce: 0 }, difficulty: 2 },
]
const DIFFICULTY_CASES: { block: Block; difficulty: number }[] = [
  { block: { number: 4, previousHash: '0x00df9c6dd553674bb48494808f8e4f0d6ea112d65a37d312243bd8c7fc96e48f', data: 'Carol pays Dave 1', nonce: 0 }, difficulty: 1 },
  { block: { number: 5, previousHash: '0x50e721e49c013f00c62cf59f2163542a9d8df02464efeb615d31051b0fddc326', data: 'Grace pays Heidi 4', nonce: 0 }, difficulty: 3 },
  { block: { number: 5, previousHash: '0x50e721e49c013f00c62cf59f2163542a9d8df02464efeb615d31051b0fddc326', data: 'Dave pays Erin 20', nonce: 0 }, difficulty: 3 },
]

function leadingZeros(hash: string): number {
  let n = 0
  while (hash[2 + n] === '0') n++
  return n
}

/** Mines with the learner's mine() and checks the nonce with the grader's own hash. */
async function checkMine(t: GraderContext, block: Block, difficulty: number): Promise<void> {
  const got = await call(t, 'mine', [block, difficulty], `${describe(block)}, ${difficulty}`)
  const nonce = typeof got === 'bigint' ? Number(got) : got
  if (typeof nonce !== 'number' || !Number.isInteger(nonce) || nonce < 0) {
    t.fail('not-a-nonce', {
      ko: `mine(${describe(block)}, ${difficulty})은(는) 0 이상의 정수 nonce를 돌려줘야 하는데 ${show(got)}을(를) 돌려줬습니다. 해시가 아니라 찾은 nonce 값을 return하세요.`,
      en: `mine(${describe(block)}, ${difficulty}) should return a whole number ≥ 0 (the nonce), but it returned ${show(got)}. Return the nonce you found, not the hash.`,
    })
  }
  const hash = await expectedHash(t, { ...block, nonce })
  const zeros = leadingZeros(hash)
  if (zeros >= difficulty) return
  // Name the likely mistake: the '0' of the '0x' prefix counted as a zero, or the nonce raised once
  // more after it was found.
  const countedPrefix = nonce === 0 && difficulty === 1
  const oneTooFar = nonce > 0 && leadingZeros(await expectedHash(t, { ...block, nonce: nonce - 1 })) >= difficulty
  const why = countedPrefix
    ? {
        ko: "nonce 0을 바로 받아들였는데 그 해시는 '0x' 뒤가 0이 아닙니다. '0x'의 '0'까지 0으로 센 것 같습니다. 목표는 '0x' + '0'.repeat(difficulty)처럼 '0x'를 붙여 만들거나, hash.slice(2)에서 0을 세세요.",
        en: "It accepted nonce 0 at once, but that hash has no zero after '0x': it looks like the '0' of the '0x' prefix was counted. Build the target with the prefix, '0x' + '0'.repeat(difficulty), or count the zeros in hash.slice(2).",
      }
    : oneTooFar
      ? {
          ko: `바로 앞의 nonce ${nonce - 1}이(가) 조건을 만족합니다. 찾은 뒤에 nonce를 한 번 더 올리고 돌려주고 있습니다. 조건을 만족하면 그 nonce를 곧바로 return하세요.`,
          en: `The nonce just before, ${nonce - 1}, meets the target: the nonce is increased once more after it was found. Return the nonce as soon as its hash meets the target.`,
        }
      : {
          ko: "난이도 매개변수 difficulty만큼 0을 요구하는지(2로 고정하지 말고), '0x' 다음부터 세는지, 검사한 해시가 바로 그 nonce를 넣은 블록의 해시인지 확인하세요.",
          en: "Check that you require as many zeros as the difficulty parameter says (not a fixed 2), counted after '0x', and that the hash you test is the hash of the block with that very nonce.",
        }
  t.fail('nonce-does-not-work', {
    ko: `mine(${describe(block)}, ${difficulty})이(가) nonce ${nonce}을(를) 돌려줬는데, 그 nonce로 만든 블록의 해시는 ${hash}로 '0x' 뒤에 0이 ${zeros}개뿐입니다(${difficulty}개 필요). ${why.ko}`,
    en: `mine(${describe(block)}, ${difficulty}) returned nonce ${nonce}, but the block with that nonce hashes to ${hash}: ${zeros} zero(s) after '0x', where ${difficulty} are needed. ${why.en}`,
  })
}

export default function grade(g: Grader): void {
  g.check('block-hash', { ko: 'blockHash가 블록 텍스트의 SHA-256이다', en: "blockHash is the SHA-256 of the block's text" }, async (t: GraderContext) => {
    for (const block of HASH_BLOCKS) {
      const want = await expectedHash(t, block)
      const got = await call(t, 'blockHash', [block], describe(block))
      t.expect(typeof got === 'string' && got.toLowerCase() === want, 'wrong-hash', {
        ko: `blockHash(${describe(block)})는 sha256('${blockText(block)}') = ${want}이어야 하는데 ${show(got)}입니다. 주어진 blockText(block)를 그대로 sha256에 넣으세요. 필드를 하나라도 빼거나 순서를 바꾸면 다른 해시가 나옵니다.`,
        en: `blockHash(${describe(block)}) should be sha256('${blockText(block)}') = ${want}, but it is ${show(got)}. Pass the given blockText(block) to sha256 as it is: leaving out a field or changing the order gives a different hash.`,
      })
    }
  })

  g.check('hash-covers-fields', { ko: '블록의 어느 필드를 바꿔도 해시가 바뀐다', en: 'Changing any field of the block changes its hash' }, async (t: GraderContext) => {
    const base: Block = { number: 3, previousHash: ZERO_HASH, data: 'Bob pays Carol 3', nonce: 5 }
    const baseHash = await call(t, 'blockHash', [base], describe(base))
    if (typeof baseHash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(baseHash)) {
      t.fail('not-a-hash', {
        ko: `blockHash(${describe(base)})가 ${show(baseHash)}을(를) 돌려줬습니다. '0x'와 16진수 64자리로 된 해시 문자열이어야 합니다. sha256(blockText(block))의 결과를 return하세요.`,
        en: `blockHash(${describe(base)}) returned ${show(baseHash)}; it should be a hash string, '0x' and 64 hex digits. Return the result of sha256(blockText(block)).`,
      })
    }
    const variants: { field: keyof Block; block: Block }[] = [
      { field: 'number', block: { ...base, number: 4 } },
      { field: 'previousHash', block: { ...base, previousHash: '0x' + '1'.repeat(64) } },
      { field: 'data', block: { ...base, data: 'Bob pays Carol 300' } },
      { field: 'nonce', block: { ...base, nonce: 6 } },
    ]
    for (const v of variants) {
      const got = await call(t, 'blockHash', [v.block], describe(v.block))
      t.expect(typeof got === 'string' && got !== '' && got !== baseHash, 'field-ignored', {
        ko: `${v.field}만 바꾼 블록의 해시가 원래 블록의 해시(${show(baseHash)})와 같습니다. 해시가 ${v.field}을(를) 빠뜨리고 있어서, 누군가 이 필드를 몰래 고쳐도 알아챌 수 없습니다. blockText(block) 전체를 해시하세요.`,
        en: `Changing only ${v.field} left the hash the same as the original block's (${show(baseHash)}). Your hash ignores ${v.field}, so nobody could notice if it were secretly changed. Hash the whole blockText(block).`,
      })
    }
  })

  g.check('mine-finds-nonce', { ko: 'mine이 난이도 2를 만족하는 nonce를 찾는다', en: 'mine finds a nonce that meets difficulty 2' }, async (t: GraderContext) => {
    for (const c of MINE_CASES) await checkMine(t, c.block, c.difficulty)
  }, { after: ['block-hash'] })

  g.check('mine-difficulty', { ko: 'mine이 주어진 난이도(1, 3)를 따른다', en: 'mine follows the difficulty it is given (1 and 3)' }, async (t: GraderContext) => {
    for (const c of DIFFICULTY_CASES) await checkMine(t, c.block, c.difficulty)
  }, { after: ['block-hash'] })
}
