/**
 * The JavaScript that runs in a fresh isolate before the learner's script: it installs `console`,
 * the simulated `Date`, the seeded `Math.random`, the timers and the capability functions on top
 * of a handful of host functions it receives as arguments — never as globals, so the script
 * cannot reach the raw host functions. Everything crossing to the host is a string or a number.
 *
 * The prelude returns `toJsonText`, captured before the script can replace `JSON.stringify`, to
 * marshal the default export.
 *
 * @module
 */

/**
 * Evaluated as global code; the result is a function of
 * `(emit, now, setTimer, clearTimer, call, seed, names)`.
 */
export const isolatePrelude = String.raw`(function (emit, now, setTimer, clearTimer, call, seed, names) {
  'use strict'
  const stringify = JSON.stringify
  const parse = JSON.parse
  const RealDate = Date
  const global = globalThis

  function show(value) {
    if (typeof value === 'string') return value
    if (value instanceof Error) return value.name + ': ' + value.message
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return String(value)
    try {
      const text = stringify(value)
      return text === undefined ? String(value) : text
    } catch (error) {
      return String(value)
    }
  }
  function level(name) {
    return function (...args) { emit(name, args.map(show).join(' ')) }
  }
  global.console = { log: level('log'), info: level('info'), warn: level('warn'), error: level('error'), debug: level('log') }

  // mulberry32: small, fast and good enough for lessons; seeded so runs repeat.
  let state = (seed ^ Math.floor(seed / 4294967296)) >>> 0
  Math.random = function random() {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  function SimulatedDate(...args) {
    if (!new.target) return new RealDate(now()).toString()
    return args.length === 0 ? new RealDate(now()) : new RealDate(...args)
  }
  Object.defineProperty(SimulatedDate, 'name', { value: 'Date' })
  SimulatedDate.prototype = RealDate.prototype
  RealDate.prototype.constructor = SimulatedDate
  SimulatedDate.now = function now_() { return now() }
  SimulatedDate.parse = RealDate.parse
  SimulatedDate.UTC = RealDate.UTC
  global.Date = SimulatedDate

  function timer(repeat) {
    return function (callback, ms, ...args) {
      if (typeof callback !== 'function') throw new TypeError('The timer callback must be a function')
      return setTimer(repeat, () => { callback(...args) }, Number(ms) || 0)
    }
  }
  function clear(id) { if (typeof id === 'number') clearTimer(id) }
  global.setTimeout = timer(false)
  global.setInterval = timer(true)
  global.clearTimeout = clear
  global.clearInterval = clear

  const decode = (text) => (text === '' ? undefined : parse(text))
  for (const name of names) {
    global[name] = function (...args) {
      const result = call(name, stringify(args))
      return typeof result === 'string' ? decode(result) : result.then(decode)
    }
  }

  return function toJsonText(value) {
    const text = stringify(value)
    return text === undefined ? '' : text
  }
})`
