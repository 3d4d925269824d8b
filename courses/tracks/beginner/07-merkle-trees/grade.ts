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

// Hashes, computed by the host: a leaf is SHA-256 of its text (t.sha256), a pair SHA-256 of the
// 64 raw bytes of the two hashes (t.sha256Hex). Results are kept: the same pairs come back in
// every check.
const known = new Map<string, string>()

async function leafHash(t: GraderContext, text: string): Promise<string> {
  return (await t.sha256(text)).toLowerCase()
}

async function pairHash(t: GraderContext, left: string, right: string): Promise<string> {
  const data = (left + right.slice(2)).toLowerCase()
  const cached = known.get(data)
  if (cached !== undefined) return cached
  const out = (await t.sha256Hex(data)).toLowerCase()
  known.set(data, out)
  return out
}

interface Step {
  sibling: string
  side: 'left' | 'right'
}

async function parents(t: GraderContext, level: string[], duplicateOdd: boolean): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < level.length; i += 2) {
    if (i + 1 < level.length) out.push(await pairHash(t, level[i]!, level[i + 1]!))
    else out.push(duplicateOdd ? await pairHash(t, level[i]!, level[i]!) : level[i]!)
  }
  return out
}

async function leafLevel(t: GraderContext, leaves: string[]): Promise<string[]> {
  const out: string[] = []
  for (const leaf of leaves) out.push(await leafHash(t, leaf))
  return out
}

/** The reference root; `duplicateOdd: false` gives the common mistake (carry the odd hash up). */
async function rootOf(t: GraderContext, leaves: string[], duplicateOdd = true): Promise<string> {
  let level = await leafLevel(t, leaves)
  while (level.length > 1) level = await parents(t, level, duplicateOdd)
  return level[0]!
}

async function proofOf(t: GraderContext, leaves: string[], index: number): Promise<Step[]> {
  const proof: Step[] = []
  let level = await leafLevel(t, leaves)
  let i = index
  while (level.length > 1) {
    const partner = i % 2 === 0 ? i + 1 : i - 1
    proof.push({ sibling: partner < level.length ? level[partner]! : level[i]!, side: i % 2 === 0 ? 'right' : 'left' })
    level = await parents(t, level, true)
    i = Math.floor(i / 2)
  }
  return proof
}

/** Climbs `proof` from `leaf`; null when a step is malformed. */
async function climb(t: GraderContext, leaf: string, proof: unknown): Promise<string | null> {
  if (!Array.isArray(proof)) return null
  let current = await leafHash(t, leaf)
  for (const step of proof) {
    if (typeof step !== 'object' || step === null) return null
    const { sibling, side } = step as { sibling?: unknown; side?: unknown }
    if (typeof sibling !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(sibling)) return null
    if (side === 'left') current = await pairHash(t, sibling, current)
    else if (side === 'right') current = await pairHash(t, current, sibling)
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

/** `fn` called once per argument list in one run of the script (viem is loaded once, not per call). */
async function callMany(t: GraderContext, fn: string, argLists: unknown[][]): Promise<unknown[]> {
  const run = await t.runLearnerScript(FILE, { call: fn, batch: argLists, allowError: true })
  if (run.error) {
    t.fail('script-error', {
      ko: `${FILE}의 ${fn}(…)를 실행하다 오류가 났습니다: ${run.error.ko}. 이 함수가 export되어 있는지, 잎이 하나뿐이거나 홀수 개인 경우도 처리하는지 확인하세요.`,
      en: `Running ${fn}(…) in ${FILE} failed: ${run.error.en}. Check that the function is exported and handles one leaf and odd numbers of leaves too.`,
    })
  }
  return run.returnValue as unknown[]
}

async function expectRoot(t: GraderContext, size: number, got: unknown): Promise<void> {
  const leaves = TXS.slice(0, size)
  const want = await rootOf(t, leaves)
  if (typeof got === 'string' && got.toLowerCase() === want) return
  const promoted = size % 2 === 1 || size === 5 || size === 6 || size === 7 ? await rootOf(t, leaves, false) : ''
  // A common slip: hashing the two hex strings as text (sha256(left + right)) instead of their bytes.
  let asText = ''
  if (size > 1 && typeof got === 'string') {
    let level: string[] = []
    for (const leaf of leaves) level.push(await leafHash(t, leaf))
    while (level.length > 1) {
      const next: string[] = []
      for (let i = 0; i < level.length; i += 2) next.push((await t.sha256(level[i]! + (level[i + 1] ?? level[i]!))).toLowerCase())
      level = next
    }
    asText = level[0]!
  }
  const rule =
    asText !== '' && typeof got === 'string' && got.toLowerCase() === asText
      ? {
          ko: '두 해시를 16진수 텍스트로 이어 붙여(left + right) sha256에 넣은 것 같습니다. 부모 해시는 두 해시의 바이트 64개를 이어 붙여 해시해야 합니다. 주어진 hashPair(viem의 sha256(concat([left, right])))를 그대로 쓰세요.',
          en: "It looks like the two hashes were joined as hex text (left + right) and hashed as text. A parent's hash is the SHA-256 of the two hashes' 64 bytes: use the given hashPair (viem's sha256(concat([left, right]))) unchanged.",
        }
      : size === 1
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
    const sizes = [1, 2, 4, 8]
    const roots = await callMany(t, 'merkleRoot', sizes.map((size) => [TXS.slice(0, size)]))
    for (const [i, size] of sizes.entries()) await expectRoot(t, size, roots[i])
  })

  g.check('root-odd', { ko: '잎이 홀수 개(3, 5, 7)일 때 마지막 해시를 복제한다', en: 'With an odd number of leaves (3, 5, 7) the last hash is duplicated' }, async (t: GraderContext) => {
    const sizes = [3, 5, 7]
    const roots = await callMany(t, 'merkleRoot', sizes.map((size) => [TXS.slice(0, size)]))
    for (const [i, size] of sizes.entries()) await expectRoot(t, size, roots[i])
  })

  g.check('verify-valid', { ko: 'verifyProof가 올바른 증명을 받아들인다', en: 'verifyProof accepts honest proofs' }, async (t: GraderContext) => {
    const cases: [number, number][] = [[1, 0], [2, 1], [3, 2], [5, 4], [5, 1], [8, 6], [8, 3]]
    const inputs: [string, Step[], string][] = []
    for (const [size, index] of cases) {
      const leaves = TXS.slice(0, size)
      inputs.push([leaves[index]!, await proofOf(t, leaves, index), await rootOf(t, leaves)])
    }
    const results = await callMany(t, 'verifyProof', inputs)
    for (const [i, [size, index]] of cases.entries()) {
      const leaves = TXS.slice(0, size)
      const proof = inputs[i]![1]
      const got = results[i]
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
    const proof5 = await proofOf(t, eight, 5)
    const root8 = await rootOf(t, eight)
    const flip = (h: string): string => h.slice(0, -1) + (h.endsWith('0') ? '1' : '0')
    const forgeries: { leaf: string; proof: Step[]; root: string; ko: string; en: string }[] = [
      { leaf: 'erin→frank 40', proof: proof5, root: root8, ko: '잎의 내용을 바꿨습니다(4 → 40)', en: "the leaf's text was changed (4 → 40)" },
      { leaf: eight[5]!, proof: [{ ...proof5[0]!, sibling: flip(proof5[0]!.sibling) }, ...proof5.slice(1)], root: root8, ko: '첫 단계의 형제 해시를 한 글자 바꿨습니다', en: "one hex digit of the first sibling's hash was changed" },
      { leaf: eight[5]!, proof: proof5.map((s, i) => (i === 1 ? { ...s, side: s.side === 'left' ? 'right' : 'left' } : s)), root: root8, ko: '둘째 단계의 side(형제의 자리)를 반대로 바꿨습니다', en: "the second step's side (where the sibling sits) was swapped" },
      { leaf: eight[2]!, proof: proof5, root: root8, ko: '5번 잎의 증명을 2번 잎에 붙였습니다', en: "leaf 5's proof was used for leaf 2" },
      { leaf: eight[5]!, proof: proof5, root: await rootOf(t, TXS.slice(0, 7)), ko: '다른 트리(잎 7개)의 루트와 비교했습니다', en: 'the root belongs to another tree (7 leaves)' },
      { leaf: eight[5]!, proof: proof5.slice(0, -1), root: root8, ko: '증명의 마지막 단계를 뺐습니다', en: 'the last step of the proof was removed' },
      { leaf: five[1]!, proof: await proofOf(t, five, 4), root: await rootOf(t, five), ko: '4번 잎의 증명을 1번 잎에 붙였습니다(잎 5개)', en: "leaf 4's proof was used for leaf 1 (5 leaves)" },
      { leaf: TXS[1]!, proof: [], root: await rootOf(t, TXS.slice(0, 1)), ko: '잎 하나짜리 트리에 다른 잎을 빈 증명으로 넣었습니다', en: 'another leaf was checked against a one-leaf tree with an empty proof' },
    ]
    const verdicts = await callMany(t, 'verifyProof', forgeries.map((f) => [f.leaf, f.proof, f.root]))
    for (const [i, f] of forgeries.entries()) {
      const got = verdicts[i]
      if (got === false) continue
      t.fail(got === true ? 'forgery-accepted' : 'not-boolean', {
        ko: `위조된 증명을 verifyProof가 ${show(got)}(으)로 판정했습니다. false여야 합니다. 위조 방법: ${f.ko}. 증명을 끝까지 따라 올라가 얻은 해시를 주어진 root와 정확히 비교하고, 같을 때만 true를 돌려주세요.`,
        en: `verifyProof returned ${show(got)} for a forged proof; it should return false. The forgery: ${f.en}. Climb the whole proof from hashLeaf(leaf) and return true only when the hash you reach equals the given root.`,
      })
    }
  }, { after: ['verify-valid'] })

  g.check('build-proof', { ko: 'buildProof가 검증을 통과하는 증명을 만든다', en: 'buildProof makes proofs that verify' }, async (t: GraderContext) => {
    const cases: [number, number][] = [[1, 0], [2, 0], [2, 1], [3, 2], [5, 4], [5, 3], [8, 5], [8, 0]]
    const built = await callMany(t, 'buildProof', cases.map(([size, index]) => [TXS.slice(0, size), index]))
    for (const [i, [size, index]] of cases.entries()) {
      const leaves = TXS.slice(0, size)
      const got = built[i]
      const want = await proofOf(t, leaves, index)
      if ((await climb(t, leaves[index]!, got)) === (await rootOf(t, leaves)) && Array.isArray(got) && got.length === want.length) continue
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
        const gotStep = got[k] as { sibling?: unknown; side?: unknown } | null
        const sideOnly = typeof gotStep === 'object' && gotStep !== null && String(gotStep.sibling).toLowerCase() === step.sibling && gotStep.side !== step.side
        detail = sideOnly ? {
          ko: `${k + 1}번째 단계(아래에서부터)의 형제 해시는 맞지만 side가 ${show(gotStep.side)}입니다. '${step.side}'여야 합니다. side는 내 위치가 아니라 형제가 놓인 자리입니다: 그 층에서 index가 짝수이면 형제는 오른쪽('right'), 홀수이면 왼쪽('left')에 있습니다.`,
          en: `Step ${k + 1} (from the bottom) has the right sibling hash but side ${show(gotStep.side)}; it should be '${step.side}'. side says where the sibling sits, not where you are: when index is even on that level the sibling is on the right ('right'), when odd on the left ('left').`,
        } : {
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
