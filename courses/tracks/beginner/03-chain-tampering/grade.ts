import type { Grader, GraderContext } from '@playground/grader'

const FILE = 'chain.ts'
const DIFFICULTY = 2

interface Block {
  number: number
  previousHash: string
  data: string
  nonce: number
  hash: string
}

const ZERO_HASH = '0x' + '0'.repeat(64)
const text = (b: Omit<Block, 'hash'>): string => `${b.number}|${b.previousHash}|${b.data}|${b.nonce}`

/** A beef-traceability ledger mined at difficulty 2 (nonces found beforehand). */
const DATA = [
  '제네시스: 한우 이력 장부를 시작합니다',
  '농장 A: 송아지 002-1234 출생',
  '도축장 B: 002-1234 도축 검사 합격, 등급 1++',
  '가공장 C: 002-1234를 포장육 40팩으로 가공',
  '판매점 D: 포장육 002-1234-07 판매',
]
const NONCES = [279, 35, 83, 200, 115]

/** Builds the valid chain, hashing with the host's SHA-256 (`t.sha256`). */
async function validChain(t: GraderContext): Promise<Block[]> {
  const chain: Block[] = []
  let previousHash = ZERO_HASH
  for (let number = 0; number < DATA.length; number++) {
    const fields = { number, previousHash, data: DATA[number]!, nonce: NONCES[number]! }
    const block = { ...fields, hash: await t.sha256(text(fields)) }
    chain.push(block)
    previousHash = block.hash
  }
  return chain
}

/** Block `k` replaced by `fields` and given its correct hash (re-mined when `nonce` was found for it). */
async function rehash(t: GraderContext, chain: Block[], k: number, fields: Partial<Block>): Promise<Block[]> {
  const copy = chain.map((b) => ({ ...b }))
  const b = { ...copy[k]!, ...fields }
  b.hash = await t.sha256(text(b))
  copy[k] = b
  return copy
}

/** The grader's own validator: the first block breaking a rule, or -1. */
async function firstInvalid(t: GraderContext, chain: Block[], difficulty = DIFFICULTY): Promise<number> {
  const target = '0x' + '0'.repeat(difficulty)
  for (let i = 0; i < chain.length; i++) {
    const b = chain[i]!
    if (b.hash !== (await t.sha256(text(b))) || !b.hash.startsWith(target) || (i > 0 && b.previousHash !== chain[i - 1]!.hash)) return i
  }
  return -1
}

interface Case {
  chain: Block[]
  /** What was done to the chain, for the messages. */
  story: { ko: string; en: string }
  expected: number
  /** The difficulty passed to the learner's functions (default DIFFICULTY). */
  difficulty?: number
}

/** An error text without its final period (the message goes on after it). */
const clean = (s: string): string => s.trim().replace(/[.]+$/, '')
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v))

async function call(t: GraderContext, fn: string, chain: Block[], difficulty = DIFFICULTY): Promise<unknown> {
  const run = await t.runLearnerScript(FILE, { call: fn, args: [chain, difficulty], allowError: true })
  if (run.error) {
    const where = run.error.line === undefined ? '' : ` (line ${run.error.line})`
    const lineKo = run.error.line === undefined ? '' : ` (${run.error.line}번째 줄)`
    const missing = run.error.code === 'script.export-missing' || run.error.code === 'script.missing'
    t.fail('script-error', {
      ko: `${fn}(블록 ${chain.length}개짜리 체인, ${difficulty})을(를) 부르자 오류가 났습니다${lineKo}: ${clean(run.error.ko)}. ${missing ? '' : `${FILE}${run.error.line === undefined ? '' : `의 ${run.error.line}번째 줄`}에 있는 오류를 고치세요. 채점기가 함수를 부를 때마다 파일 전체(맨 아래 예시 코드 포함)가 실행됩니다. 블록 0에서 chain[i - 1]을 읽고 있지 않은지도 확인하세요.`}`,
      en: `Calling ${fn}(a chain of ${chain.length} blocks, ${difficulty}) failed${where}: ${clean(run.error.en)}. ${missing ? '' : `Fix the error in ${FILE}${where}: the whole file runs (the example at the bottom included) every time the grader calls one of your functions. Also check that you never read chain[i - 1] for block 0.`}`,
    })
  }
  return run.returnValue
}

/** Runs both learner functions on each case and compares with the expected index. */
async function checkCases(t: GraderContext, cases: Case[], advice: { ko: string; en: string }): Promise<void> {
  for (const c of cases) {
    const own = await firstInvalid(t, c.chain, c.difficulty)
    if (own !== c.expected) throw new Error(`grader case inconsistent: expected ${c.expected}, own validator says ${own} (${c.story.en})`)
    const got = await call(t, 'firstInvalidBlock', c.chain, c.difficulty)
    // What the learner's answer points at, when it says more than "wrong".
    const early = typeof got === 'number' && got >= 0 && got < c.expected
    const skippedGenesis = c.expected === 0 && got !== 0
    const extra = early
      ? {
          ko: ` 블록 ${got}은(는) 이 경우 세 규칙을 모두 지키는 정상 블록입니다. 링크가 끊어졌을 때 잘못된 블록은 previousHash가 맞지 않는 쪽(뒤 블록)입니다.`,
          en: ` Block ${got} is fine in this case: it follows all three rules. When a link is broken, the invalid block is the one whose previousHash does not match (the later one).`,
        }
      : skippedGenesis
        ? { ko: ' 블록 0(제네시스)도 규칙 1과 2로 검사해야 합니다. 반복을 i = 0부터 시작하세요.', en: ' Block 0 (the genesis) must be checked against rules 1 and 2 too: start the loop at i = 0.' }
        : { ko: '', en: '' }
    t.expect(got === c.expected, 'wrong-index', {
      ko: `${c.story.ko} firstInvalidBlock은 ${c.expected}을(를) 돌려줘야 하는데 ${show(got)}을(를) 돌려줬습니다.${extra.ko} ${advice.ko}`,
      en: `${c.story.en} firstInvalidBlock should return ${c.expected}, but it returned ${show(got)}.${extra.en} ${advice.en}`,
    })
    const valid = await call(t, 'isValidChain', c.chain, c.difficulty)
    t.expect(valid === (c.expected === -1), 'wrong-validity', {
      ko: `${c.story.ko} isValidChain은 ${c.expected === -1}을(를) 돌려줘야 하는데 ${show(valid)}을(를) 돌려줬습니다. isValidChain은 firstInvalidBlock이 -1일 때만 true입니다.`,
      en: `${c.story.en} isValidChain should return ${c.expected === -1}, but it returned ${show(valid)}. isValidChain is true exactly when firstInvalidBlock returns -1.`,
    })
  }
}

export default function grade(g: Grader): void {
  g.check('valid-chains', { ko: '손대지 않은 체인은 유효하다', en: 'An untouched chain is valid' }, async (t: GraderContext) => {
    const chain = await validChain(t)
    await checkCases(t, [
      { chain, expected: -1, story: { ko: '블록 5개짜리 정상 체인입니다.', en: 'This is a valid chain of 5 blocks.' } },
      { chain: chain.slice(0, 1), expected: -1, story: { ko: '제네시스 블록 하나뿐인 정상 체인입니다.', en: 'This is a valid chain holding only the genesis block.' } },
      { chain: chain.slice(0, 3), expected: -1, story: { ko: '블록 3개짜리 정상 체인입니다.', en: 'This is a valid chain of 3 blocks.' } },
    ], {
      ko: '정상 블록을 틀렸다고 판단하고 있습니다. 해시는 blockHash(block)로 다시 계산해 저장된 hash와 비교하고, 0은 "0x" 다음부터 세고, 이전 해시는 바로 앞 블록(chain[i - 1])의 hash와 비교하는지 확인하세요. 블록 0에는 앞 블록이 없습니다.',
      en: 'It rejects a good block. Recompute the hash with blockHash(block) and compare it with the stored hash, count the zeros after "0x", and compare previousHash with the hash of the block just before (chain[i - 1]); block 0 has no block before it.',
    })
  })

  g.check('changed-data', { ko: '채굴 뒤에 고친 데이터를 찾아낸다', en: 'Finds data edited after mining' }, async (t: GraderContext) => {
    const chain = await validChain(t)
    const edit = (k: number, data: string): Block[] => chain.map((b, i) => (i === k ? { ...b, data } : { ...b }))
    await checkCases(t, [
      { chain: edit(1, '농장 A: 송아지 002-9999 출생'), expected: 1, story: { ko: '블록 1의 데이터를 고치고 hash는 예전 값 그대로 두었습니다.', en: "Block 1's data was edited and its stored hash left as it was." } },
      { chain: edit(3, '가공장 C: 002-1234를 포장육 80팩으로 가공'), expected: 3, story: { ko: '블록 3의 데이터를 고치고 hash는 예전 값 그대로 두었습니다.', en: "Block 3's data was edited and its stored hash left as it was." } },
      { chain: edit(0, '제네시스: 수입 소고기 장부를 시작합니다'), expected: 0, story: { ko: '제네시스 블록(0)의 데이터를 고치고 hash는 예전 값 그대로 두었습니다.', en: "The genesis block's (0) data was edited and its stored hash left as it was." } },
    ], {
      ko: '저장된 hash 값만 믿으면 안 됩니다. 블록의 필드로 blockHash(block)를 다시 계산해서 저장된 hash와 다르면 그 블록이 위변조된 것입니다.',
      en: 'Do not trust the stored hash: recompute blockHash(block) from the fields; if it differs from the stored hash, the block was tampered with.',
    })
  })

  g.check('broken-link', { ko: '이전 해시가 앞 블록과 맞지 않는 블록을 찾아낸다', en: 'Finds a block whose previous hash does not match the block before' }, async (t: GraderContext) => {
    const chain = await validChain(t)
    const forged = '0x0a375e12f2ad998fb150e7263b4404e81eccadf08db96cd511729aee4f9dee63'
    await checkCases(t, [
      { chain: await rehash(t, chain, 2, { previousHash: forged, nonce: 308 }), expected: 2, story: { ko: '블록 2가 가짜 블록을 가리키도록 previousHash를 바꾸고 다시 채굴했습니다(해시와 0은 정상).', en: "Block 2's previousHash was pointed at a forged block and block 2 was re-mined (its hash and zeros are fine)." } },
      { chain: await rehash(t, chain, 4, { previousHash: forged, nonce: 143 }), expected: 4, story: { ko: '마지막 블록 4가 가짜 블록을 가리키도록 previousHash를 바꾸고 다시 채굴했습니다(해시와 0은 정상).', en: "The last block's (4) previousHash was pointed at a forged block and the block was re-mined (its hash and zeros are fine)." } },
    ], {
      ko: 'i가 1 이상인 블록은 previousHash가 바로 앞 블록 chain[i - 1]의 hash와 같아야 합니다. 이 고리가 블록을 체인으로 묶습니다.',
      en: 'For every block with i ≥ 1, previousHash must equal the hash of the block just before, chain[i - 1].hash: that link is what makes the blocks a chain.',
    })
  })

  g.check('remined-tamper', { ko: '고치고 다시 채굴한 블록 다음 블록이 끊어진다', en: 'A block edited and re-mined breaks the block after it' }, async (t: GraderContext) => {
    const chain = await validChain(t)
    await checkCases(t, [
      { chain: await rehash(t, chain, 1, { data: '농장 A: 송아지 002-9999 출생', nonce: 870 }), expected: 2, story: { ko: '블록 1의 데이터를 고친 뒤 다시 채굴해서 블록 1 자체는 완벽합니다. 하지만 블록 2의 previousHash는 예전 블록 1의 해시를 가리킵니다.', en: "Block 1's data was edited and block 1 re-mined, so block 1 itself is perfect; but block 2's previousHash still points at the old block 1's hash." } },
      { chain: await rehash(t, chain, 3, { data: '가공장 C: 002-1234를 포장육 80팩으로 가공', nonce: 277 }), expected: 4, story: { ko: '블록 3의 데이터를 고친 뒤 다시 채굴했습니다. 블록 4의 previousHash는 예전 블록 3의 해시를 가리킵니다.', en: "Block 3's data was edited and block 3 re-mined; block 4's previousHash still points at the old block 3's hash." } },
    ], {
      ko: '다시 채굴한 블록은 혼자서는 유효하지만, 그 해시가 바뀌었으니 다음 블록의 previousHash와 맞지 않습니다. 위변조하려는 사람은 그 뒤의 블록을 모두 다시 채굴해야 합니다. 블록마다 previousHash를 chain[i - 1].hash와 비교하세요.',
      en: "The re-mined block is valid on its own, but its hash changed, so the next block's previousHash no longer matches: a forger would have to re-mine every block after it. Compare each block's previousHash with chain[i - 1].hash.",
    })
  })

  g.check('weak-hash', { ko: '채굴하지 않은 블록(0이 모자란 해시)을 찾아낸다', en: 'Finds a block that was not mined (too few zeros)' }, async (t: GraderContext) => {
    const chain = await validChain(t)
    await checkCases(t, [
      { chain: await rehash(t, chain, 4, { data: '판매점 D: 포장육 002-1234-07 판매 (수입산)' }), expected: 4, story: { ko: '마지막 블록 4의 데이터를 고치고 hash도 새로 계산해 넣었지만 다시 채굴하지는 않았습니다(해시가 "0x00"으로 시작하지 않음).', en: 'The last block (4) got new data and a recomputed hash, but was not re-mined (the hash does not start with "0x00").' } },
      { chain: await rehash(t, chain, 2, { data: '도축장 B: 002-1234 도축 검사 합격, 등급 1+' }), expected: 2, story: { ko: '블록 2의 데이터를 고치고 hash도 새로 계산해 넣었지만 다시 채굴하지는 않았습니다.', en: 'Block 2 got new data and a recomputed hash, but was not re-mined.' } },
      { chain: await rehash(t, chain, 0, { data: '제네시스: 한우 이력 장부를 시작합니다!' }), expected: 0, story: { ko: '제네시스 블록의 데이터를 고치고 hash도 새로 계산해 넣었지만 다시 채굴하지는 않았습니다.', en: 'The genesis block got new data and a recomputed hash, but was not re-mined.' } },
      { chain, difficulty: 1, expected: -1, story: { ko: '손대지 않은 정상 체인을 난이도 1로 검사했습니다(해시마다 0이 1개 이상 있으면 됨).', en: 'The untouched chain was checked at difficulty 1 (each hash needs at least 1 zero).' } },
      { chain, difficulty: 3, expected: 0, story: { ko: '손대지 않은 정상 체인을 난이도 3으로 검사했습니다. 블록 0의 해시 0x00ac…는 0이 2개뿐이라 난이도 3을 만족하지 못합니다.', en: "The untouched chain was checked at difficulty 3. Block 0's hash 0x00ac… has only 2 zeros, too few for difficulty 3." } },
    ], {
      ko: '해시가 내용과 맞더라도, "0x" 뒤에 0이 difficulty개 이상 없으면 채굴되지 않은 블록입니다. 블록마다 hash.startsWith(\'0x\' + \'0\'.repeat(difficulty))를 검사하세요. 0의 개수는 2로 고정하지 말고 매개변수 difficulty를 쓰세요.',
      en: 'Even when the hash matches the content, a hash without at least difficulty zeros after "0x" means the block was never mined. Test hash.startsWith(\'0x\' + \'0\'.repeat(difficulty)) for every block, with the difficulty parameter rather than a fixed 2.',
    })
  })
}
