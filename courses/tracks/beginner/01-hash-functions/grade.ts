import type { Grader, GraderContext, Text } from '@playground/grader'

const FILE = 'hashing.ts'

/** The grader's own hashes of a text (SHA-256 and Keccak-256 of its UTF-8 bytes, computed by the host). */
async function hashesOf(t: GraderContext, text: string): Promise<{ sha256: string; keccak256: string }> {
  return { sha256: await t.sha256(text), keccak256: await t.keccak256(text) }
}

/** Hex digits that differ between two hashes, '0x' skipped (the grader's own count). */
function differentDigits(a: string, b: string): number {
  let n = 0
  for (let i = 2; i < 66; i++) if (a[i] !== b[i]) n++
  return n
}

/** An error text without its final period (the message goes on after it). */
const clean = (s: string): string => s.trim().replace(/[.]+$/, '')
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v))

/** Calls an export of the learner's file; a crash or a missing export fails the check with its own message. */
async function call(t: GraderContext, fn: string, args: unknown[]): Promise<unknown> {
  const run = await t.runLearnerScript(FILE, { call: fn, args, allowError: true })
  if (run.error) {
    if (run.error.code === 'script.missing' || run.error.code === 'script.export-missing') {
      t.fail(run.error.code === 'script.missing' ? 'file-missing' : 'export-missing', { ko: run.error.ko, en: run.error.en })
    }
    // Does the file fail on its own, before any function is called (a syntax error, or the
    // console.log lines at the bottom of the file)? Then say so rather than blame `fn`.
    // (A call of an export that does not exist loads the file without running a default export such as main.)
    const load = await t.runLearnerScript(FILE, { allowError: true, call: '__load_only__' })
    if (load.error && load.error.code !== 'script.export-missing') {
      t.fail('script-error', {
        ko: `${FILE}이(가) 함수를 부르기도 전에, 파일을 불러오는 단계에서 멈췄습니다: ${clean(load.error.ko)}. 문법 오류가 없는지, 그리고 함수 밖에 있는 코드(맨 아래의 console.log 줄 등)도 함께 실행된다는 점을 생각해 그 줄이 오류를 내지 않는지 확인하세요.`,
        en: `${FILE} stopped while loading, before any of its functions was called: ${clean(load.error.en)}. Check for syntax errors, and remember that code outside the functions (such as the console.log lines at the bottom) runs too: make sure those lines do not throw.`,
      })
    }
    t.fail('script-error', {
      ko: `${fn}(${args.map(show).join(', ')})을(를) 부르자 오류가 났습니다: ${clean(run.error.ko)}. ${fn}이(가) 오류 없이 값을 돌려주는지 확인하세요.`,
      en: `Calling ${fn}(${args.map(show).join(', ')}) failed: ${clean(run.error.en)}. Check that ${fn} returns a value without throwing.`,
    })
  }
  return run.returnValue
}

const sameHex = (got: unknown, want: string): boolean => typeof got === 'string' && got.toLowerCase() === want

export default function grade(g: Grader): void {
  g.check('sha256-and-keccak', { ko: 'hashBoth가 SHA-256과 Keccak-256 해시를 돌려준다', en: 'hashBoth returns the SHA-256 and Keccak-256 hashes' }, async (t: GraderContext) => {
    for (const text of ['hello', '', '블록체인 놀이터', 'Alice pays Bob 10']) {
      const want = await hashesOf(t, text)
      const got = (await call(t, 'hashBoth', [text])) as { sha256?: unknown; keccak256?: unknown } | undefined
      if (typeof got !== 'object' || got === null || Array.isArray(got)) {
        t.fail('not-an-object', {
          ko: `hashBoth(${show(text)})는 { sha256, keccak256 } 객체를 돌려줘야 하는데 ${show(got)}이(가) 왔습니다. ${Array.isArray(got) ? '배열이 아니라 sha256, keccak256이라는 이름의 속성을 가진 객체로 돌려주세요.' : 'return 문을 빠뜨리지 않았는지 보세요.'}`,
          en: `hashBoth(${show(text)}) should return an object { sha256, keccak256 }, but it returned ${show(got)}. ${Array.isArray(got) ? 'Return an object with properties named sha256 and keccak256, not an array.' : 'Check that the function has a return statement.'}`,
        })
      }
      t.expect(sameHex(got.sha256, want.sha256), 'wrong-sha256', {
        ko: `hashBoth(${show(text)}).sha256은 ${want.sha256}이어야 하는데 ${show(got.sha256)}입니다. sha256(text)의 결과를 그대로 넣었는지 확인하세요${sameHex(got.sha256, want.keccak256) ? ' (지금은 Keccak-256 값이 들어 있습니다)' : ''}.`,
        en: `hashBoth(${show(text)}).sha256 should be ${want.sha256}, but it is ${show(got.sha256)}. Put the result of sha256(text) there as it is${sameHex(got.sha256, want.keccak256) ? ' (right now it holds the Keccak-256 hash)' : ''}.`,
      })
      t.expect(sameHex(got.keccak256, want.keccak256), 'wrong-keccak256', {
        ko: `hashBoth(${show(text)}).keccak256은 ${want.keccak256}이어야 하는데 ${show(got.keccak256)}입니다. keccak256(text)의 결과를 그대로 넣었는지 확인하세요${sameHex(got.keccak256, want.sha256) ? ' (지금은 SHA-256 값이 들어 있습니다)' : ''}.`,
        en: `hashBoth(${show(text)}).keccak256 should be ${want.keccak256}, but it is ${show(got.keccak256)}. Put the result of keccak256(text) there as it is${sameHex(got.keccak256, want.sha256) ? ' (right now it holds the SHA-256 hash)' : ''}.`,
      })
    }
  })

  g.check('count-digits', { ko: 'countDifferentDigits가 서로 다른 16진수 자리 수를 센다', en: 'countDifferentDigits counts the hex digits that differ' }, async (t: GraderContext) => {
    const h = (await hashesOf(t, 'hello')).sha256
    const firstChanged = '0x' + (h[2] === 'f' ? '0' : 'f') + h.slice(3)
    const lastChanged = h.slice(0, 65) + (h[65] === 'f' ? '0' : 'f')
    const cases: { a: string; b: string; what: Text }[] = [
      { a: h, b: h, what: { ko: '똑같은 두 해시', en: 'two identical hashes' } },
      { a: h, b: firstChanged, what: { ko: '첫 자리만 다른 두 해시', en: 'two hashes that differ only in the first digit' } },
      { a: h, b: lastChanged, what: { ko: '마지막 자리만 다른 두 해시', en: 'two hashes that differ only in the last digit' } },
      { a: h, b: (await hashesOf(t, 'Hello')).sha256, what: { ko: "'hello'와 'Hello'의 SHA-256 해시", en: "the SHA-256 hashes of 'hello' and 'Hello'" } },
      { a: (await hashesOf(t, 'Alice pays Bob 10')).keccak256, b: (await hashesOf(t, 'Alice pays Bob 11')).keccak256, what: { ko: "'Alice pays Bob 10'과 'Alice pays Bob 11'의 Keccak-256 해시", en: "the Keccak-256 hashes of 'Alice pays Bob 10' and 'Alice pays Bob 11'" } },
    ]
    for (const c of cases) {
      const want = differentDigits(c.a, c.b)
      const got = await call(t, 'countDifferentDigits', [c.a, c.b])
      t.expect(got === want, 'wrong-count', {
        ko: `${c.what.ko}(${c.a}, ${c.b})에서 다른 자리는 ${want}개인데 countDifferentDigits는 ${show(got)}을(를) 돌려줬습니다. '0x' 다음의 64자리를 처음부터 마지막 자리까지 하나씩 비교하는지 확인하세요.`,
        en: `For ${c.what.en} (${c.a}, ${c.b}), ${want} digit(s) differ, but countDifferentDigits returned ${show(got)}. Make sure you compare all 64 digits after '0x', from the first to the very last.`,
      })
    }
  })

  g.check('avalanche', { ko: 'avalanche가 두 텍스트의 해시를 비교한다 (눈사태 효과)', en: 'avalanche compares the hashes of two texts (the avalanche effect)' }, async (t: GraderContext) => {
    const pairs: [string, string][] = [
      ['hello', 'Hello'],
      ['Alice pays Bob 10', 'Alice pays Bob 11'],
      ['블록체인 놀이터', '블록체인 놀이터'],
    ]
    for (const [a, b] of pairs) {
      const [ha, hb] = [await hashesOf(t, a), await hashesOf(t, b)]
      const want = { sha256: differentDigits(ha.sha256, hb.sha256), keccak256: differentDigits(ha.keccak256, hb.keccak256) }
      const got = (await call(t, 'avalanche', [a, b])) as { sha256?: unknown; keccak256?: unknown } | undefined
      const ok = typeof got === 'object' && got !== null && got.sha256 === want.sha256 && got.keccak256 === want.keccak256
      t.expect(ok, 'wrong-avalanche', {
        ko: `avalanche(${show(a)}, ${show(b)})는 ${show(want)}이어야 하는데 ${show(got)}입니다. ${a === b ? '같은 텍스트의 해시는 언제나 같으니 0이 나와야 합니다. ' : '한 글자만 달라도 해시는 64자리 중 거의 전부가 바뀝니다. '}텍스트끼리가 아니라, 두 텍스트를 각각 hashBoth로 해시한 뒤 그 해시끼리 countDifferentDigits로 비교하세요. (다른 검사도 실패했다면 그것부터 고치세요. avalanche는 hashBoth와 countDifferentDigits 위에 서 있습니다.)`,
        en: `avalanche(${show(a)}, ${show(b)}) should be ${show(want)}, but it is ${show(got)}. ${a === b ? 'The same text always gives the same hash, so both counts must be 0. ' : 'One changed character changes almost all 64 digits of the hash. '}Do not compare the texts: hash each text with hashBoth, then compare the hashes with countDifferentDigits. (If other checks fail too, fix those first: avalanche builds on hashBoth and countDifferentDigits.)`,
      })
    }
  })
}
