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

/** UTF-8 bytes of a text. */
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

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]

/** SHA-256 of a text's UTF-8 bytes as 0x-hex: the grader's own copy (it imports nothing). */
function sha256Text(text: string): string {
  const bytes = utf8(text)
  const bitLength = bytes.length * 8
  bytes.push(0x80)
  while (bytes.length % 64 !== 56) bytes.push(0)
  for (let i = 7; i >= 0; i--) bytes.push(i >= 4 ? 0 : (bitLength >>> (i * 8)) & 0xff)
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
  const w = new Array<number>(64)
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n))
  for (let off = 0; off < bytes.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = (bytes[off + 4 * i]! << 24) | (bytes[off + 4 * i + 1]! << 16) | (bytes[off + 4 * i + 2]! << 8) | bytes[off + 4 * i + 3]!
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3)
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10)
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number]
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0
    }
    h[0] = (h[0]! + a) | 0; h[1] = (h[1]! + b) | 0; h[2] = (h[2]! + c) | 0; h[3] = (h[3]! + d) | 0
    h[4] = (h[4]! + e) | 0; h[5] = (h[5]! + f) | 0; h[6] = (h[6]! + g) | 0; h[7] = (h[7]! + hh) | 0
  }
  return '0x' + h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('')
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

/** Builds the valid chain with the grader's own SHA-256. */
function validChain(): Block[] {
  const chain: Block[] = []
  let previousHash = ZERO_HASH
  DATA.forEach((data, number) => {
    const fields = { number, previousHash, data, nonce: NONCES[number]! }
    const block = { ...fields, hash: sha256Text(text(fields)) }
    chain.push(block)
    previousHash = block.hash
  })
  return chain
}

/** Block `k` replaced by `fields` and given its correct hash (re-mined when `nonce` was found for it). */
function rehash(chain: Block[], k: number, fields: Partial<Block>): Block[] {
  const copy = chain.map((b) => ({ ...b }))
  const b = { ...copy[k]!, ...fields }
  b.hash = sha256Text(text(b))
  copy[k] = b
  return copy
}

/** The grader's own validator: the first block breaking a rule, or -1. */
function firstInvalid(chain: Block[]): number {
  const target = '0x' + '0'.repeat(DIFFICULTY)
  for (let i = 0; i < chain.length; i++) {
    const b = chain[i]!
    if (b.hash !== sha256Text(text(b)) || !b.hash.startsWith(target) || (i > 0 && b.previousHash !== chain[i - 1]!.hash)) return i
  }
  return -1
}

interface Case {
  chain: Block[]
  /** What was done to the chain, for the messages. */
  story: { ko: string; en: string }
  expected: number
}

/** An error text without its final period (the message goes on after it). */
const clean = (s: string): string => s.trim().replace(/[.]+$/, '')
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v))

async function call(t: GraderContext, fn: string, chain: Block[]): Promise<unknown> {
  const run = await t.runLearnerScript(FILE, { call: fn, args: [chain, DIFFICULTY], allowError: true })
  if (run.error) {
    const where = run.error.line === undefined ? '' : ` (line ${run.error.line})`
    t.fail('script-error', {
      ko: `${fn}(블록 ${chain.length}개짜리 체인, ${DIFFICULTY})을(를) 부르자 오류가 났습니다${where}: ${clean(run.error.ko)}. ${fn}이(가) 그 이름으로 export되어 있고, 빈 칸 없이 값을 돌려주는지 확인하세요.`,
      en: `Calling ${fn}(a chain of ${chain.length} blocks, ${DIFFICULTY}) failed${where}: ${clean(run.error.en)}. Check that ${fn} is exported under that name and returns a value without throwing.`,
    })
  }
  return run.returnValue
}

/** Runs both learner functions on each case and compares with the expected index. */
async function checkCases(t: GraderContext, cases: Case[], advice: { ko: string; en: string }): Promise<void> {
  for (const c of cases) {
    const own = firstInvalid(c.chain)
    if (own !== c.expected) throw new Error(`grader case inconsistent: expected ${c.expected}, own validator says ${own} (${c.story.en})`)
    const got = await call(t, 'firstInvalidBlock', c.chain)
    t.expect(got === c.expected, 'wrong-index', {
      ko: `${c.story.ko} firstInvalidBlock은 ${c.expected}을(를) 돌려줘야 하는데 ${show(got)}을(를) 돌려줬습니다. ${advice.ko}`,
      en: `${c.story.en} firstInvalidBlock should return ${c.expected}, but it returned ${show(got)}. ${advice.en}`,
    })
    const valid = await call(t, 'isValidChain', c.chain)
    t.expect(valid === (c.expected === -1), 'wrong-validity', {
      ko: `${c.story.ko} isValidChain은 ${c.expected === -1}을(를) 돌려줘야 하는데 ${show(valid)}을(를) 돌려줬습니다. isValidChain은 firstInvalidBlock이 -1일 때만 true입니다.`,
      en: `${c.story.en} isValidChain should return ${c.expected === -1}, but it returned ${show(valid)}. isValidChain is true exactly when firstInvalidBlock returns -1.`,
    })
  }
}

export default function grade(g: Grader): void {
  const chain = validChain()

  g.check('valid-chains', { ko: '손대지 않은 체인은 유효하다', en: 'An untouched chain is valid' }, async (t: GraderContext) => {
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
    const forged = '0x0a375e12f2ad998fb150e7263b4404e81eccadf08db96cd511729aee4f9dee63'
    await checkCases(t, [
      { chain: rehash(chain, 2, { previousHash: forged, nonce: 308 }), expected: 2, story: { ko: '블록 2가 가짜 블록을 가리키도록 previousHash를 바꾸고 다시 채굴했습니다(해시와 0은 정상).', en: "Block 2's previousHash was pointed at a forged block and block 2 was re-mined (its hash and zeros are fine)." } },
      { chain: rehash(chain, 4, { previousHash: forged, nonce: 143 }), expected: 4, story: { ko: '마지막 블록 4가 가짜 블록을 가리키도록 previousHash를 바꾸고 다시 채굴했습니다(해시와 0은 정상).', en: "The last block's (4) previousHash was pointed at a forged block and the block was re-mined (its hash and zeros are fine)." } },
    ], {
      ko: 'i가 1 이상인 블록은 previousHash가 바로 앞 블록 chain[i - 1]의 hash와 같아야 합니다. 이 고리가 블록을 체인으로 묶습니다.',
      en: 'For every block with i ≥ 1, previousHash must equal the hash of the block just before, chain[i - 1].hash: that link is what makes the blocks a chain.',
    })
  })

  g.check('remined-tamper', { ko: '고치고 다시 채굴한 블록 다음 블록이 끊어진다', en: 'A block edited and re-mined breaks the block after it' }, async (t: GraderContext) => {
    await checkCases(t, [
      { chain: rehash(chain, 1, { data: '농장 A: 송아지 002-9999 출생', nonce: 870 }), expected: 2, story: { ko: '블록 1의 데이터를 고친 뒤 다시 채굴해서 블록 1 자체는 완벽합니다. 하지만 블록 2의 previousHash는 예전 블록 1의 해시를 가리킵니다.', en: "Block 1's data was edited and block 1 re-mined, so block 1 itself is perfect; but block 2's previousHash still points at the old block 1's hash." } },
      { chain: rehash(chain, 3, { data: '가공장 C: 002-1234를 포장육 80팩으로 가공', nonce: 277 }), expected: 4, story: { ko: '블록 3의 데이터를 고친 뒤 다시 채굴했습니다. 블록 4의 previousHash는 예전 블록 3의 해시를 가리킵니다.', en: "Block 3's data was edited and block 3 re-mined; block 4's previousHash still points at the old block 3's hash." } },
    ], {
      ko: '다시 채굴한 블록은 혼자서는 유효하지만, 그 해시가 바뀌었으니 다음 블록의 previousHash와 맞지 않습니다. 위변조하려는 사람은 그 뒤의 블록을 모두 다시 채굴해야 합니다. 블록마다 previousHash를 chain[i - 1].hash와 비교하세요.',
      en: "The re-mined block is valid on its own, but its hash changed, so the next block's previousHash no longer matches: a forger would have to re-mine every block after it. Compare each block's previousHash with chain[i - 1].hash.",
    })
  })

  g.check('weak-hash', { ko: '채굴하지 않은 블록(0이 모자란 해시)을 찾아낸다', en: 'Finds a block that was not mined (too few zeros)' }, async (t: GraderContext) => {
    await checkCases(t, [
      { chain: rehash(chain, 4, { data: '판매점 D: 포장육 002-1234-07 판매 (수입산)' }), expected: 4, story: { ko: '마지막 블록 4의 데이터를 고치고 hash도 새로 계산해 넣었지만 다시 채굴하지는 않았습니다(해시가 "0x00"으로 시작하지 않음).', en: 'The last block (4) got new data and a recomputed hash, but was not re-mined (the hash does not start with "0x00").' } },
      { chain: rehash(chain, 2, { data: '도축장 B: 002-1234 도축 검사 합격, 등급 1+' }), expected: 2, story: { ko: '블록 2의 데이터를 고치고 hash도 새로 계산해 넣었지만 다시 채굴하지는 않았습니다.', en: 'Block 2 got new data and a recomputed hash, but was not re-mined.' } },
      { chain: rehash(chain, 0, { data: '제네시스: 한우 이력 장부를 시작합니다!' }), expected: 0, story: { ko: '제네시스 블록의 데이터를 고치고 hash도 새로 계산해 넣었지만 다시 채굴하지는 않았습니다.', en: 'The genesis block got new data and a recomputed hash, but was not re-mined.' } },
    ], {
      ko: `해시가 내용과 맞더라도, "0x" 뒤에 0이 difficulty(${DIFFICULTY})개 이상 없으면 채굴되지 않은 블록입니다. 블록마다 hash.startsWith('0x' + '0'.repeat(difficulty))를 검사하세요.`,
      en: `Even when the hash matches the content, a hash without at least difficulty (${DIFFICULTY}) zeros after "0x" means the block was never mined. Test hash.startsWith('0x' + '0'.repeat(difficulty)) for every block.`,
    })
  })
}
