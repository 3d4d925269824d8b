/**
 * The web globals viem (and the noble code inside it) expects and QuickJS lacks, installed in the
 * isolate before a library is evaluated — only in runs that import one, so a plain script keeps
 * the bare global object the escape tests check.
 *
 * - `TextEncoder` / `TextDecoder`: UTF-8 only (what viem's `toBytes`/`fromBytes` and noble's
 *   `utf8ToBytes` use); invalid sequences decode to U+FFFD as the web's decoder does.
 * - `crypto.getRandomValues`: bytes from a PRNG seeded with the run's seed (a stream separate
 *   from `Math.random`), so `generatePrivateKey()` repeats run after run. It is *not* secure
 *   randomness: keys made in the sandbox are lesson keys. `crypto.subtle` is absent.
 *
 * Found by running viem in QuickJS (keccak256, toHex, parseEther, encodeFunctionData,
 * privateKeyToAccount().signMessage/signTransaction, public and wallet clients over `custom`,
 * sendTransaction, deployContract, waitForTransactionReceipt, getContractEvents,
 * watchContractEvent): nothing else is touched (timers are the sandbox's simulated ones).
 *
 * @module
 */

/** Global code; the result is a function of `(seed)` that installs the polyfills. */
export const libraryPolyfills = String.raw`(function (seed) {
  'use strict'
  const global = globalThis
  const define = (target, name, value) => Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false })

  class TextEncoder {
    get encoding() { return 'utf-8' }
    encode(input = '') {
      const text = String(input)
      const bytes = []
      for (let i = 0; i < text.length; i++) {
        let code = text.charCodeAt(i)
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
          const low = text.charCodeAt(i + 1)
          if (low >= 0xdc00 && low <= 0xdfff) {
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
            i++
          } else code = 0xfffd
        } else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd
        if (code < 0x80) bytes.push(code)
        else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63))
        else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
        else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
      }
      return new Uint8Array(bytes)
    }
    encodeInto(input, target) {
      const bytes = this.encode(input)
      const written = Math.min(bytes.length, target.length)
      target.set(bytes.subarray(0, written))
      return { read: String(input).length, written }
    }
  }

  class TextDecoder {
    constructor(label = 'utf-8') {
      if (!/^utf-?8$/i.test(String(label))) throw new RangeError('Only UTF-8 is supported in the sandbox')
    }
    get encoding() { return 'utf-8' }
    decode(input) {
      if (input === undefined) return ''
      const bytes = ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input)
      let out = ''
      const chunk = []
      for (let i = 0; i < bytes.length; ) {
        const b = bytes[i]
        let code = 0xfffd
        let size = 1
        if (b < 0x80) code = b
        else if (b >= 0xc2 && b < 0xe0 && (bytes[i + 1] & 0xc0) === 0x80) {
          code = ((b & 31) << 6) | (bytes[i + 1] & 63); size = 2
        } else if (b >= 0xe0 && b < 0xf0 && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
          const c = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63)
          if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) { code = c; size = 3 }
        } else if (b >= 0xf0 && b < 0xf5 && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80 && (bytes[i + 3] & 0xc0) === 0x80) {
          const c = ((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63)
          if (c >= 0x10000 && c <= 0x10ffff) { code = c; size = 4 }
        }
        if (code > 0xffff) {
          code -= 0x10000
          chunk.push(0xd800 + (code >> 10), 0xdc00 + (code & 1023))
        } else chunk.push(code)
        i += size
        if (chunk.length > 4096) { out += String.fromCharCode(...chunk); chunk.length = 0 }
      }
      return out + String.fromCharCode(...chunk)
    }
  }

  // mulberry32 over a seed mixed with a constant: not the Math.random stream.
  let state = ((seed ^ Math.floor(seed / 4294967296)) ^ 0x9e3779b9) >>> 0
  function nextWord() {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return (t ^ (t >>> 14)) >>> 0
  }
  const crypto = {}
  define(crypto, 'getRandomValues', function getRandomValues(array) {
    if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
      throw new TypeError('getRandomValues expects an integer typed array')
    }
    if (array.byteLength > 65536) throw new RangeError('getRandomValues: at most 65536 bytes at a time')
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
    for (let i = 0; i < bytes.length; i += 4) {
      const word = nextWord()
      for (let k = 0; k < 4 && i + k < bytes.length; k++) bytes[i + k] = (word >>> (8 * k)) & 255
    }
    return array
  })
  define(global, 'TextEncoder', TextEncoder)
  define(global, 'TextDecoder', TextDecoder)
  define(global, 'crypto', crypto)
})`
