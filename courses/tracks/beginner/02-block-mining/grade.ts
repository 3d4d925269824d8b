import type { Grader, GraderContext } from '@playground/grader'

const FILE = 'mining.ts'

interface Block {
  number: number
  previousHash: string
  data: string
  nonce: number
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

/** The lesson's block text and hash, computed by the grader itself. */
const blockText = (b: Block): string => `${b.number}|${b.previousHash}|${b.data}|${b.nonce}`
const expectedHash = (b: Block): string => sha256Text(blockText(b))

/** An error text without its final period (the message goes on after it). */
const clean = (s: string): string => s.trim().replace(/[.]+$/, '')
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v))
const describe = (b: Block): string => `{ number: ${b.number}, previousHash: '${b.previousHash.slice(0, 10)}…', data: ${show(b.data)}, nonce: ${b.nonce} }`

async function call(t: GraderContext, fn: string, args: unknown[], shown: string): Promise<unknown> {
  const run = await t.runLearnerScript(FILE, { call: fn, args, allowError: true })
  if (run.error) {
    const where = run.error.line === undefined ? '' : ` (line ${run.error.line})`
    const slow = run.error.code.includes('cpu') || run.error.code.includes('wall')
    t.fail(slow ? 'too-slow' : 'script-error', {
      ko: `${fn}(${shown})을(를) 부르자 오류가 났습니다${where}: ${clean(run.error.ko)}. ${slow ? "mine이 끝나지 않았다면 해시의 '0x'를 빼고 0을 세는지, 반복할 때마다 nonce를 바꾼 블록을 해시하는지 확인하세요. 채점기가 함수를 부를 때마다 파일 맨 아래의 예시 코드(mine(block, 2))도 함께 실행됩니다." : `${fn}이(가) 그 이름으로 export되어 있고 오류 없이 값을 돌려주는지 확인하세요.`}`,
      en: `Calling ${fn}(${shown}) failed${where}: ${clean(run.error.en)}. ${slow ? "If mine never finishes, check that you count the zeros after '0x' and that every try hashes the block with the new nonce. The example at the bottom of the file (mine(block, 2)) runs too, every time the grader calls one of your functions." : `Check that ${fn} is exported under that name and returns a value without throwing.`}`,
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
  const hash = expectedHash({ ...block, nonce })
  const zeros = leadingZeros(hash)
  t.expect(zeros >= difficulty, 'nonce-does-not-work', {
    ko: `mine(${describe(block)}, ${difficulty})이(가) nonce ${nonce}을(를) 돌려줬는데, 그 nonce로 만든 블록의 해시는 ${hash}로 '0x' 뒤에 0이 ${zeros}개뿐입니다(${difficulty}개 필요). ${zeros === 0 ? '조건을 만족한 nonce를 찾은 뒤 값을 한 번 더 올리고 돌려주고 있지 않은지, ' : ''}난이도 매개변수 difficulty만큼 0을 요구하는지, '0x' 다음부터 세는지 확인하세요.`,
    en: `mine(${describe(block)}, ${difficulty}) returned nonce ${nonce}, but the block with that nonce hashes to ${hash}: ${zeros} zero(s) after '0x', and ${difficulty} are needed. ${zeros === 0 ? 'Check that you do not increase the nonce once more after finding it, ' : 'Check '}that you require as many zeros as the difficulty parameter says, counted after '0x'.`,
  })
}

export default function grade(g: Grader): void {
  g.check('block-hash', { ko: 'blockHash가 블록 텍스트의 SHA-256이다', en: "blockHash is the SHA-256 of the block's text" }, async (t: GraderContext) => {
    for (const block of HASH_BLOCKS) {
      const want = expectedHash(block)
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
