import type { Grader, GraderContext, Text } from '@playground/grader'

const FILE = 'keys.ts'

/** Hardhat's well-known test keys (public, never for real money) and their addresses. */
const KEYS = [
  { key: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80', address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' },
  { key: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d', address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
  { key: '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a', address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' },
] as const

/** Messages with their EIP-191 hashes and the signature the owner of KEYS[signer] makes. */
const MESSAGES = [
  {
    text: 'I, account 0, approve paying 10 coins to Bob',
    hash: '0x6ece95d451a40d122869f495c942a2d6e6a02688ff16974b2c91008b067b30c4',
    signer: 0,
    signature: '0x7049f0a4f46b6a417c58a73254c34f9d36c262f18a4f449e961ad4b0815fdfc631d2de75adcef13b8356d321bc6a3828065e02979aabd6e7de60842dcfc0d8bb1b',
  },
  {
    text: '위임장: 김철수에게 계좌 개설을 위임합니다',
    hash: '0xab033b61f6b82e5521b543ad4761ab416b3e389af3b3514d8c72ef9755602ab4',
    signer: 1,
    signature: '0xd35bf3bef1a15e07b2497934fd73a20706180d03ea395db24164cb107ef6bb2874732033e989ce99cd68b2c370f0f28b117f355bc9b677817770ab96f4b74a261b',
  },
] as const

const ECRECOVER = '0x0000000000000000000000000000000000000001'
/** An error text without its final period (the message goes on after it). */
const clean = (s: string): string => s.trim().replace(/[.]+$/, '')
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v))
const sameAddress = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase()

/** Calls an export of keys.ts; a crash or a missing export fails the check with a message that says where to look. */
async function call(t: GraderContext, fn: string, args: unknown[]): Promise<unknown> {
  const run = await t.runLearnerScript(FILE, { call: fn, args, allowError: true })
  if (run.error) {
    if (run.error.code === 'script.missing' || run.error.code === 'script.export-missing') {
      t.fail(run.error.code === 'script.missing' ? 'file-missing' : 'export-missing', { ko: run.error.ko, en: run.error.en })
    }
    // Does the file fail on its own, before any function is called (a syntax error, or code outside
    // the functions)? Then say so rather than blame `fn`. (Only on this failure path: costs nothing when it works.)
    // (A call of an export that does not exist loads the file without running a default export such as main.)
    const load = await t.runLearnerScript(FILE, { allowError: true, call: '__load_only__' })
    if (load.error && load.error.code !== 'script.export-missing') {
      t.fail('script-error', {
        ko: `${FILE}이(가) 함수를 부르기도 전에, 파일을 불러오는 단계에서 멈췄습니다: ${clean(load.error.ko)}. 문법 오류가 없는지, 그리고 함수 밖에 있는 코드도 파일을 불러올 때 함께 실행된다는 점을 생각해 그 코드가 오류를 내지 않는지 확인하세요.`,
        en: `${FILE} stopped while loading, before any of its functions was called: ${clean(load.error.en)}. Check for syntax errors, and remember that code outside the functions runs whenever the file is loaded: make sure it does not throw.`,
      })
    }
    t.fail('script-error', {
      ko: `${fn}(${args.map(show).join(', ')})을(를) 부르자 오류가 났습니다: ${clean(run.error.ko)}. ${fn === 'isGenuine' ? '검증 함수는 이상한 서명을 받아도 오류를 내지 말고 false를 돌려줘야 합니다. viem 호출을 try { … } catch { return false }로 감싸세요. 이미 감쌌다면 try 안에서 await를 붙였는지 보세요: async 함수에서 await 없이 return verifyMessage(…)를 하면 오류가 try를 빠져나갑니다. return await verifyMessage(…)로 쓰세요.' : `${fn}이(가) 오류 없이 값을 돌려주는지 확인하세요.`}`,
      en: `Calling ${fn}(${args.map(show).join(', ')}) failed: ${clean(run.error.en)}. ${fn === 'isGenuine' ? 'A verifier must not throw on a strange signature: it returns false. Wrap the viem call in try { … } catch { return false }. If you already did, check the await inside the try: in an async function, return verifyMessage(…) without await lets the error escape the try. Write return await verifyMessage(…).' : `Check that ${fn} returns a value without throwing.`}`,
    })
  }
  return run.returnValue
}

/** Who signed `hash`, according to the EVM's ecrecover precompile; undefined if nobody. */
async function recover(t: GraderContext, hash: string, signature: string): Promise<string | undefined> {
  const r = signature.slice(2, 66)
  const s = signature.slice(66, 130)
  let v = parseInt(signature.slice(130, 132), 16)
  if (v < 27) v += 27
  const input = hash + v.toString(16).padStart(64, '0') + r + s
  const out: unknown = await t.request('eth_call', [{ to: ECRECOVER, data: input }, 'latest'])
  if (typeof out !== 'string' || out.length < 66 || /^0x0*$/.test(out)) return undefined
  return '0x' + out.slice(-40)
}

async function expectGenuine(t: GraderContext, args: [string, string, string], want: boolean, story: Text, advice: Text): Promise<void> {
  const got = await call(t, 'isGenuine', args)
  t.expect(got === want, want ? 'genuine-rejected' : 'forgery-accepted', {
    ko: `${story.ko} isGenuine은 ${want}를 돌려줘야 하는데 ${show(got)}를 돌려줬습니다. ${advice.ko}`,
    en: `${story.en} isGenuine should return ${want}, but it returned ${show(got)}. ${advice.en}`,
  })
}

export default function grade(g: Grader): void {
  g.check('address', { ko: 'addressOf가 개인키에서 주소를 만든다', en: 'addressOf derives the address from a private key' }, async (t: GraderContext) => {
    for (const { key, address } of [KEYS[0], KEYS[2]]) {
      const got = await call(t, 'addressOf', [key])
      const isPublicKey = typeof got === 'string' && /^0x04[0-9a-fA-F]{128}$/.test(got)
      t.expect(sameAddress(got, address), 'wrong-address', {
        ko: `개인키 ${key.slice(0, 10)}…의 주소는 ${address}인데 addressOf는 ${show(got)}을(를) 돌려줬습니다. ${isPublicKey ? '이것은 주소가 아니라 공개키입니다(65바이트). ' : ''}privateKeyToAccount(privateKey).address를 돌려주세요. 주소는 공개키의 Keccak-256 해시 마지막 20바이트입니다.`,
        en: `The address of private key ${key.slice(0, 10)}… is ${address}, but addressOf returned ${show(got)}. ${isPublicKey ? 'That is the public key (65 bytes), not the address. ' : ''}Return privateKeyToAccount(privateKey).address: the address is the last 20 bytes of the Keccak-256 hash of the public key.`,
      })
    }
  })

  g.check('signs', { ko: 'sign이 그 키 주인의 서명을 만든다', en: "sign makes the key owner's signature" }, async (t: GraderContext) => {
    for (const m of MESSAGES) {
      const { key, address } = KEYS[m.signer]
      const got = await call(t, 'sign', [key, m.text])
      const shaped = typeof got === 'string' && /^0x[0-9a-fA-F]{130}$/.test(got)
      if (!shaped) {
        t.fail('not-a-signature', {
          ko: `sign(${key.slice(0, 10)}…, ${show(m.text)})은(는) 65바이트 서명('0x' + 16진수 130자리)을 돌려줘야 하는데 ${show(got)}을(를) 돌려줬습니다. await account.signMessage({ message })의 결과를 돌려주세요.`,
          en: `sign(${key.slice(0, 10)}…, ${show(m.text)}) should return a 65-byte signature ('0x' + 130 hex digits), but it returned ${show(got)}. Return the result of await account.signMessage({ message }).`,
        })
      }
      // The same key and message always give the same signature (RFC 6979); otherwise ask the EVM who signed.
      const signer = got.toLowerCase() === m.signature ? address : await recover(t, m.hash, got)
      t.expect(sameAddress(signer, address), 'wrong-signer', {
        ko: `sign(${key.slice(0, 10)}…, ${show(m.text)})이(가) 만든 서명을 이더리움 메시지 서명(EIP-191) 규칙으로 검증하면 서명한 사람이 ${address}여야 하는데 ${signer ?? '아무도 아님'}으로 나옵니다. 메시지의 해시를 직접 서명(sign({ hash }))하지 말고 account.signMessage({ message })를 쓰세요. 그래야 지갑이 붙이는 "\\x19Ethereum Signed Message:\\n" 머리말이 들어갑니다.`,
        en: `Checked by the Ethereum personal-message rules (EIP-191), the signature sign(${key.slice(0, 10)}…, ${show(m.text)}) made should come from ${address}, but it comes from ${signer ?? 'nobody'}. Do not sign a hash of the message yourself (sign({ hash })): use account.signMessage({ message }), which adds the "\\x19Ethereum Signed Message:\\n" prefix wallets use.`,
      })
    }
  })

  g.check('accepts-genuine', { ko: 'isGenuine이 진짜 서명을 받아들인다', en: 'isGenuine accepts genuine signatures' }, async (t: GraderContext) => {
    const advice: Text = {
      ko: 'verifyMessage({ address, message, signature })의 결과를 돌려주세요. 주소는 대소문자가 섞인 체크섬 표기와 모두 소문자인 표기가 같은 주소이니, 문자열 ===로 비교하면 안 됩니다.',
      en: 'Return the result of verifyMessage({ address, message, signature }). An address written in checksum case and the same address in lowercase are one address, so do not compare them with string ===.',
    }
    const [m0, m1] = MESSAGES
    await expectGenuine(t, [m0.text, m0.signature, KEYS[m0.signer].address], true, {
      ko: `${show(m0.text)}은(는) ${KEYS[m0.signer].address}가 서명한 진짜 메시지입니다.`,
      en: `${show(m0.text)} was really signed by ${KEYS[m0.signer].address}.`,
    }, advice)
    // A Korean message (its EIP-191 prefix counts UTF-8 bytes, not characters) with the address in
    // lowercase. Only when that is refused does a third call tell which of the two is the trouble.
    const checksummed = KEYS[m1.signer].address
    const lower = checksummed.toLowerCase()
    const got = await call(t, 'isGenuine', [m1.text, m1.signature, lower])
    if (got !== true) {
      const withChecksum = await call(t, 'isGenuine', [m1.text, m1.signature, checksummed])
      const caseIsTheTrouble = withChecksum === true
      t.fail('genuine-rejected', caseIsTheTrouble
        ? {
            ko: `${show(m1.text)}은(는) ${checksummed}가 서명한 진짜 메시지입니다. 주소를 체크섬 표기로 주면 isGenuine이 true를 돌려주지만, 같은 주소를 소문자(${lower})로 주면 ${show(got)}를 돌려줍니다. 대소문자만 다른 두 표기는 같은 주소이니 문자열 ===로 비교하지 말고 isAddressEqual을 쓰거나 verifyMessage의 결과를 그대로 돌려주세요.`,
            en: `${show(m1.text)} was really signed by ${checksummed}. isGenuine returns true when the address is given in checksum case, but ${show(got)} for the same address in lowercase (${lower}). The two spellings are one address: compare with isAddressEqual instead of string ===, or return verifyMessage's result as it is.`,
          }
        : {
            ko: `${show(m1.text)}은(는) ${checksummed}가 서명한 진짜 한국어 메시지인데, isGenuine이 ${show(withChecksum)}를 돌려줬습니다(주소를 소문자로 줘도 ${show(got)}). 영어 메시지는 받아들였으니 한글에서 어긋나는 것입니다. 메시지 해시를 직접 만든다면 EIP-191 머리말의 길이는 글자 수가 아니라 UTF-8 바이트 수입니다. hashMessage(message)나 verifyMessage를 쓰세요.`,
            en: `${show(m1.text)} is a genuine Korean message signed by ${checksummed}, but isGenuine returned ${show(withChecksum)} (and ${show(got)} with the address in lowercase). It accepted the English message, so something goes wrong with Korean text: if you build the message hash yourself, the length in the EIP-191 prefix counts UTF-8 bytes, not characters. Use hashMessage(message) or verifyMessage.`,
          })
    }
  })

  g.check('rejects-forgeries', { ko: 'isGenuine이 바뀐 메시지, 다른 사람의 서명, 고친 서명을 거부한다', en: "isGenuine rejects a changed message, someone else's signature and an edited signature" }, async (t: GraderContext) => {
    const [m0, m1] = MESSAGES
    const a0 = KEYS[0].address
    const advice: Text = {
      ko: '서명에서 "누군가"가 복원된다고 끝이 아닙니다. 복원된 주소가 주장된 주소와 같은지까지 확인해야 합니다. verifyMessage가 그 비교를 해 줍니다.',
      en: 'Recovering "someone" from the signature is not enough: the recovered address must be the claimed address. verifyMessage does that comparison for you.',
    }
    await expectGenuine(t, ['I, account 0, approve paying 100 coins to Bob', m0.signature, a0], false, {
      ko: `${a0}가 "10 coins"에 한 서명을 붙인 채 메시지를 "100 coins"로 바꿨습니다.`,
      en: `The message was changed from "10 coins" to "100 coins", keeping ${a0}'s signature of the original.`,
    }, advice)
    await expectGenuine(t, [m1.text, m1.signature, a0], false, {
      ko: `${KEYS[1].address}의 서명을 ${a0}의 서명이라고 주장했습니다.`,
      en: `${KEYS[1].address}'s signature was presented as ${a0}'s.`,
    }, advice)
    const edited = m0.signature.slice(0, 100) + (m0.signature[100] === 'f' ? '0' : 'f') + m0.signature.slice(101)
    await expectGenuine(t, [m0.text, edited, a0], false, {
      ko: '진짜 서명의 한 자리(s 부분)를 고쳤습니다.',
      en: 'One hex digit of the genuine signature (in its s part) was changed.',
    }, advice)
  })

  g.check('malformed-signature', { ko: 'isGenuine이 형식이 깨진 서명에 오류 대신 false를 돌려준다', en: 'isGenuine returns false, not an error, for a malformed signature' }, async (t: GraderContext) => {
    const m0 = MESSAGES[0]
    const a0 = KEYS[0].address
    const advice: Text = {
      ko: 'viem은 형식이 깨진 서명을 받으면 오류를 던집니다. 검증 함수는 그럴 때 false라고 답해야 하니 try { … } catch { return false }로 감싸세요.',
      en: 'viem throws on a malformed signature. A verifier should answer false then, so wrap the call in try { … } catch { return false }.',
    }
    await expectGenuine(t, [m0.text, '0x1234', a0], false, {
      ko: "서명 자리에 2바이트짜리 '0x1234'를 넘겼습니다.",
      en: "A 2-byte '0x1234' was passed as the signature.",
    }, advice)
    const broken = m0.signature.slice(0, 10) + (m0.signature[10] === 'f' ? '0' : 'f') + m0.signature.slice(11)
    await expectGenuine(t, [m0.text, broken, a0], false, {
      ko: '진짜 서명의 r 부분 한 자리를 고쳐서, 타원곡선 위의 점이 아니게 만들었습니다.',
      en: 'One hex digit of the r part of a genuine signature was changed, so that it is no longer a point on the curve.',
    }, advice)
  })
}
