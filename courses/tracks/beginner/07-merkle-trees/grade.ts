import type { Grader, GraderContext } from '@playground/grader'

/**
 * Grades merkle.ts by calling the learner's functions with trees of 1 to 8 leaves and comparing
 * with the grader's own Merkle tree (same rules: SHA-256 of the leaf text; SHA-256 of left ‖ right
 * bytes; the last hash of an odd level is paired with itself). Verification is tested with honest
 * proofs and with forged ones.
 */

const FILE = 'merkle.ts'

const TXS = [
  'alice→bob 5',
  'bob→carol 2',
  '민수→지영 3',
  'carol→dave 7',
  'dave→erin 1',
  'erin→frank 4',
  '지영→서준 9',
  'grace→alice 6',
]

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

function fromHexString(hex: string): number[] {
  const clean = hex.startsWith('0x') ? hex.slice(2) : hex
  const out: number[] = []
  for (let i = 0; i < clean.length; i += 2) out.push(parseInt(clean.slice(i, i + 2), 16))
  return out
}
// --- end SHA-256 ---

interface Step {
  sibling: string
  side: 'left' | 'right'
}

const leafHash = (text: string): string => toHexString(sha256Bytes(utf8(text)))
const pairHash = (left: string, right: string): string => toHexString(sha256Bytes([...fromHexString(left), ...fromHexString(right)]))

function parents(level: string[], duplicateOdd: boolean): string[] {
  const out: string[] = []
  for (let i = 0; i < level.length; i += 2) {
    if (i + 1 < level.length) out.push(pairHash(level[i]!, level[i + 1]!))
    else out.push(duplicateOdd ? pairHash(level[i]!, level[i]!) : level[i]!)
  }
  return out
}

/** The reference root; `duplicateOdd: false` gives the common mistake (carry the odd hash up). */
function rootOf(leaves: string[], duplicateOdd = true): string {
  let level = leaves.map(leafHash)
  while (level.length > 1) level = parents(level, duplicateOdd)
  return level[0]!
}

function proofOf(leaves: string[], index: number): Step[] {
  const proof: Step[] = []
  let level = leaves.map(leafHash)
  let i = index
  while (level.length > 1) {
    const partner = i % 2 === 0 ? i + 1 : i - 1
    proof.push({ sibling: partner < level.length ? level[partner]! : level[i]!, side: i % 2 === 0 ? 'right' : 'left' })
    level = parents(level, true)
    i = Math.floor(i / 2)
  }
  return proof
}

/** Climbs `proof` from `leaf`; null when a step is malformed. */
function climb(leaf: string, proof: unknown): string | null {
  if (!Array.isArray(proof)) return null
  let current = leafHash(leaf)
  for (const step of proof) {
    if (typeof step !== 'object' || step === null) return null
    const { sibling, side } = step as { sibling?: unknown; side?: unknown }
    if (typeof sibling !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(sibling)) return null
    if (side === 'left') current = pairHash(sibling, current)
    else if (side === 'right') current = pairHash(current, sibling)
    else return null
  }
  return current
}

const short = (h: string): string => (h.length > 14 ? `${h.slice(0, 10)}…${h.slice(-4)}` : h)
const show = (v: unknown): string => {
  if (typeof v === 'string') return v.length > 70 ? `"${short(v)}"` : `"${v}"`
  const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' && x.length > 20 ? short(x) : x))
  return text === undefined ? String(v) : text.length > 120 ? `${text.slice(0, 117)}…` : text
}
const sides = (proof: Step[]): string => (proof.length === 0 ? '[]' : proof.map((s) => s.side).join(', '))

async function call(t: GraderContext, fn: string, args: unknown[]): Promise<unknown> {
  const run = await t.runLearnerScript(FILE, { call: fn, args })
  if (run.error) {
    t.fail('script-error', {
      ko: `${FILE}의 ${fn}(…)를 실행하다 오류가 났습니다: ${run.error.ko}${run.error.line ? ` (${run.error.line}번째 줄)` : ''}. 이 함수가 export되어 있는지, 잎이 ${Array.isArray(args[0]) ? (args[0] as unknown[]).length : 1}개인 경우도 처리하는지 확인하세요.`,
      en: `Running ${fn}(…) in ${FILE} failed: ${run.error.en}${run.error.line ? ` (line ${run.error.line})` : ''}. Check that the function is exported and handles this case (${Array.isArray(args[0]) ? `${(args[0] as unknown[]).length} leaves` : 'one leaf'}).`,
    })
  }
  return run.returnValue
}

async function expectRoot(t: GraderContext, size: number): Promise<void> {
  const leaves = TXS.slice(0, size)
  const got = await call(t, 'merkleRoot', [leaves])
  const want = rootOf(leaves)
  if (typeof got === 'string' && got.toLowerCase() === want) return
  const promoted = size % 2 === 1 || size === 5 || size === 6 || size === 7 ? rootOf(leaves, false) : ''
  const rule =
    size === 1
      ? { ko: '잎이 하나뿐이면 루트는 그 잎의 해시, hashLeaf(잎) 그 자체입니다.', en: "With a single leaf the root is that leaf's hash, hashLeaf(leaf), itself." }
      : size === 2
        ? { ko: '잎이 둘이면 루트는 hashPair(hashLeaf(첫째), hashLeaf(둘째))입니다.', en: 'With two leaves the root is hashPair(hashLeaf(first), hashLeaf(second)).' }
        : typeof got === 'string' && got.toLowerCase() === promoted
          ? {
              ko: '홀수 층의 마지막 해시를 짝 없이 그대로 올려 보낸 것 같습니다. 이 수업의 규칙(비트코인)은 마지막 해시를 복제해 자기 자신과 짝짓는 것입니다: hashPair(last, last).',
              en: "It looks like the last hash of an odd level went up unchanged. This lesson's rule (Bitcoin's) pairs it with a copy of itself: hashPair(last, last).",
            }
          : {
              ko: '층마다 해시를 둘씩 짝지어 hashPair로 묶고, 개수가 홀수이면 마지막 해시를 복제해 짝을 맞춥니다. 해시가 하나 남을 때까지 반복하세요.',
              en: 'On each level pair the hashes two by two with hashPair; when the count is odd, duplicate the last hash to complete its pair. Repeat until one hash is left.',
            }
  t.fail('root-mismatch', {
    ko: `잎 ${size}개 ${show(leaves)}의 루트로 ${want}을(를) 기대했는데 ${show(got)}이(가) 나왔습니다. ${rule.ko}`,
    en: `For the ${size === 1 ? 'single leaf' : `${size} leaves`} ${show(leaves)} the root should be ${want}, but merkleRoot returned ${show(got)}. ${rule.en}`,
  })
}

export default function grade(g: Grader): void {
  g.check('root-basic', { ko: '잎 1, 2, 4, 8개의 머클 루트가 맞다', en: 'The Merkle root is right for 1, 2, 4 and 8 leaves' }, async (t: GraderContext) => {
    for (const size of [1, 2, 4, 8]) await expectRoot(t, size)
  })

  g.check('root-odd', { ko: '잎이 홀수 개(3, 5, 7)일 때 마지막 해시를 복제한다', en: 'With an odd number of leaves (3, 5, 7) the last hash is duplicated' }, async (t: GraderContext) => {
    for (const size of [3, 5, 7]) await expectRoot(t, size)
  })

  g.check('verify-valid', { ko: 'verifyProof가 올바른 증명을 받아들인다', en: 'verifyProof accepts honest proofs' }, async (t: GraderContext) => {
    const cases: [number, number][] = [[1, 0], [2, 1], [3, 2], [5, 4], [5, 1], [8, 6], [8, 3]]
    for (const [size, index] of cases) {
      const leaves = TXS.slice(0, size)
      const proof = proofOf(leaves, index)
      const got = await call(t, 'verifyProof', [leaves[index], proof, rootOf(leaves)])
      if (got === true) continue
      t.fail(got === false ? 'valid-rejected' : 'not-boolean', {
        ko: `잎 ${size}개짜리 트리의 ${index}번 잎 ${show(leaves[index])}에 대한 올바른 증명(${proof.length}단계, 형제 위치: ${sides(proof)})인데 verifyProof가 ${show(got)}을(를) 돌려주었습니다. true여야 합니다. ${
          got === false
            ? "hashLeaf(leaf)에서 시작해, side가 'left'인 단계는 hashPair(sibling, 현재), 'right'인 단계는 hashPair(현재, sibling)으로 올라가는지 확인하세요."
            : 'verifyProof는 true나 false를 돌려주어야 합니다.'
        }`,
        en: `This is an honest proof for leaf ${index} ${show(leaves[index])} of a ${size}-leaf tree (steps: ${proof.length}, sibling sides: ${sides(proof)}), but verifyProof returned ${show(got)} instead of true. ${
          got === false
            ? "Start from hashLeaf(leaf); a step with side 'left' computes hashPair(sibling, current), one with side 'right' computes hashPair(current, sibling)."
            : 'verifyProof should return true or false.'
        }`,
      })
    }
  })

  g.check('verify-forged', { ko: 'verifyProof가 위조된 증명을 거절한다', en: 'verifyProof rejects forged proofs' }, async (t: GraderContext) => {
    const eight = TXS.slice(0, 8)
    const five = TXS.slice(0, 5)
    const proof5 = proofOf(eight, 5)
    const flip = (h: string): string => h.slice(0, -1) + (h.endsWith('0') ? '1' : '0')
    const forgeries: { leaf: string; proof: Step[]; root: string; ko: string; en: string }[] = [
      { leaf: 'erin→frank 40', proof: proof5, root: rootOf(eight), ko: '잎의 내용을 바꿨습니다(4 → 40)', en: "the leaf's text was changed (4 → 40)" },
      { leaf: eight[5]!, proof: [{ ...proof5[0]!, sibling: flip(proof5[0]!.sibling) }, ...proof5.slice(1)], root: rootOf(eight), ko: '첫 단계의 형제 해시를 한 글자 바꿨습니다', en: "one hex digit of the first sibling's hash was changed" },
      { leaf: eight[5]!, proof: proof5.map((s, i) => (i === 1 ? { ...s, side: s.side === 'left' ? 'right' : 'left' } : s)), root: rootOf(eight), ko: '둘째 단계의 side(형제의 자리)를 반대로 바꿨습니다', en: "the second step's side (where the sibling sits) was swapped" },
      { leaf: eight[2]!, proof: proof5, root: rootOf(eight), ko: '5번 잎의 증명을 2번 잎에 붙였습니다', en: "leaf 5's proof was used for leaf 2" },
      { leaf: eight[5]!, proof: proof5, root: rootOf(TXS.slice(0, 7)), ko: '다른 트리(잎 7개)의 루트와 비교했습니다', en: 'the root belongs to another tree (7 leaves)' },
      { leaf: eight[5]!, proof: proof5.slice(0, -1), root: rootOf(eight), ko: '증명의 마지막 단계를 뺐습니다', en: 'the last step of the proof was removed' },
      { leaf: five[1]!, proof: proofOf(five, 4), root: rootOf(five), ko: '4번 잎의 증명을 1번 잎에 붙였습니다(잎 5개)', en: "leaf 4's proof was used for leaf 1 (5 leaves)" },
      { leaf: TXS[1]!, proof: [], root: rootOf(TXS.slice(0, 1)), ko: '잎 하나짜리 트리에 다른 잎을 빈 증명으로 넣었습니다', en: 'another leaf was checked against a one-leaf tree with an empty proof' },
    ]
    for (const f of forgeries) {
      const got = await call(t, 'verifyProof', [f.leaf, f.proof, f.root])
      if (got === false) continue
      t.fail(got === true ? 'forgery-accepted' : 'not-boolean', {
        ko: `위조된 증명을 verifyProof가 ${show(got)}(으)로 판정했습니다. false여야 합니다. 위조 방법: ${f.ko}. 증명을 끝까지 따라 올라가 얻은 해시를 주어진 root와 정확히 비교하고, 같을 때만 true를 돌려주세요.`,
        en: `verifyProof returned ${show(got)} for a forged proof; it should return false. The forgery: ${f.en}. Climb the whole proof from hashLeaf(leaf) and return true only when the hash you reach equals the given root.`,
      })
    }
  }, { after: ['verify-valid'] })

  g.check('build-proof', { ko: 'buildProof가 검증을 통과하는 증명을 만든다', en: 'buildProof makes proofs that verify' }, async (t: GraderContext) => {
    const cases: [number, number][] = [[1, 0], [2, 0], [2, 1], [3, 2], [5, 4], [5, 3], [8, 5], [8, 0]]
    for (const [size, index] of cases) {
      const leaves = TXS.slice(0, size)
      const got = await call(t, 'buildProof', [leaves, index])
      const want = proofOf(leaves, index)
      if (climb(leaves[index]!, got) === rootOf(leaves) && Array.isArray(got) && got.length === want.length) continue
      let detail = { ko: '', en: '' }
      if (!Array.isArray(got)) {
        detail = { ko: `배열이 아니라 ${show(got)}이(가) 나왔습니다.`, en: `It returned ${show(got)}, not an array.` }
      } else if (got.length !== want.length) {
        detail = { ko: `증명은 층마다 한 단계씩 ${want.length}단계여야 하는데 ${got.length}단계입니다.`, en: `The proof should have one step per level, ${want.length} in all, but it has ${got.length}.` }
      } else {
        const k = want.findIndex((w, i) => {
          const s = got[i] as { sibling?: unknown; side?: unknown } | null
          return typeof s !== 'object' || s === null || String(s.sibling).toLowerCase() !== w.sibling || s.side !== w.side
        })
        const step = want[k]!
        detail = {
          ko: `${k + 1}번째 단계(아래에서부터)는 { sibling: ${short(step.sibling)}, side: '${step.side}' }여야 하는데 ${show(got[k])}입니다. 그 층에서 짝의 위치는 index ^ 1이고, 짝이 없으면(홀수 층의 마지막) 자기 자신입니다.`,
          en: `Step ${k + 1} (from the bottom) should be { sibling: ${short(step.sibling)}, side: '${step.side}' } but is ${show(got[k])}. On that level the partner is at index ^ 1, or the hash itself when it is the last of an odd level.`,
        }
      }
      t.fail('proof-invalid', {
        ko: `잎 ${size}개짜리 트리의 ${index}번 잎에 대해 buildProof가 만든 증명이 루트까지 이어지지 않습니다. ${detail.ko}`,
        en: `The proof buildProof made for leaf ${index} of a ${size}-leaf tree does not climb to the root. ${detail.en}`,
      })
    }
  })
}
