/**
 * Seeded pseudo-random streams: xoshiro128** (Blackman & Vigna, 2018), one independent stream per
 * node plus named streams for the network and the topology.
 *
 * Why xoshiro128**: 32-bit state words (JS bit operations are 32-bit), a period of 2^128 − 1,
 * passes BigCrush, and each draw is a handful of `Math.imul`s. Each stream's state is seeded by
 * SplitMix32 from (seed, stream id), so adding a node creates a fresh stream without shifting any
 * other stream's draws — the other nodes' futures stay the same.
 *
 * All stream states live in one growable Uint32Array (4 words per stream): no object per node.
 *
 * @see https://prng.di.unimi.it/xoshiro128starstar.c
 * @module
 */

/** Streams reserved below the node streams. Node `i` uses stream `RESERVED_STREAMS + i`. */
export const STREAM_TOPOLOGY = 0
/** Reserved for the transaction workload (step 2). */
export const STREAM_WORKLOAD = 2
export const RESERVED_STREAMS = 8

const TWO_POW_32 = 4294967296

/** A family of independent xoshiro128** streams derived from one seed. */
export interface RandomStreams {
  readonly seed: number
  /** Ensures streams `0 … count-1` exist (growable). */
  ensure(count: number): void
  /** Next uniform 32-bit unsigned integer from `stream`. */
  nextUint32(stream: number): number
  /** Uniform in the open interval (0, 1): never 0, so `-log(u)` and `u ** -k` stay finite. */
  nextOpen01(stream: number): number
  /** Uniform integer in [0, n). */
  nextInt(stream: number, n: number): number
  /** Standard normal draw (Box–Muller; consumes two uniforms). */
  nextGaussian(stream: number): number
  /** Exponential draw with the given mean. */
  nextExponential(stream: number, mean: number): number
}

/**
 * Checks and normalises a seed: any safe integer (negative allowed) is folded to 32 bits.
 * @throws {@link RangeError} when `seed` is not a safe integer.
 */
export function normaliseSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`"seed" expected a safe integer, got ${seed}`)
  // Fold the high part in so seeds 1 and 2^32+1 differ.
  return ((seed >>> 0) ^ Math.floor(seed / TWO_POW_32)) >>> 0
}

function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) >>> 0
  let z = state
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  z = (z ^ (z >>> 16)) >>> 0
  return [z, state]
}

/**
 * One xoshiro128** step on the four state words at `state[o … o+3]`: returns the next output
 * (unsigned 32-bit) and advances the state in place.
 *
 * @example
 * xoshiro128StarStar(Uint32Array.of(1, 2, 3, 4), 0) // 11520
 */
export function xoshiro128StarStar(state: Uint32Array, o: number): number {
  const s0 = state[o]!
  const s1 = state[o + 1]!
  const s2 = state[o + 2]!
  const s3 = state[o + 3]!
  const m = Math.imul(s1, 5)
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0
  const t = s1 << 9
  const n2 = s2 ^ s0
  const n3 = s3 ^ s1
  state[o + 1] = s1 ^ n2
  state[o] = s0 ^ n3
  state[o + 2] = n2 ^ t
  state[o + 3] = (n3 << 11) | (n3 >>> 21)
  return result
}

/**
 * Creates the stream family for `seed`.
 *
 * @example
 * const rng = createRandomStreams(1)
 * rng.ensure(RESERVED_STREAMS + 4)
 * rng.nextOpen01(RESERVED_STREAMS + 0) // node 0's stream
 */
export function createRandomStreams(seed: number): RandomStreams {
  const seed32 = normaliseSeed(seed)
  let state = new Uint32Array(4 * 64)
  let count = 0

  function init(stream: number): void {
    // Mix the stream id with the seed through SplitMix32; an all-zero state is impossible because
    // SplitMix32's output over four consecutive steps is never all zero.
    let s = (seed32 ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0
    for (let i = 0; i < 4; i++) {
      const [z, next] = splitmix32(s)
      state[4 * stream + i] = z
      s = next
    }
  }

  function ensure(n: number): void {
    if (n <= count) return
    if (4 * n > state.length) {
      let len = state.length
      while (len < 4 * n) len *= 2
      const next = new Uint32Array(len)
      next.set(state)
      state = next
    }
    for (let i = count; i < n; i++) init(i)
    count = n
  }

  function nextUint32(stream: number): number {
    return xoshiro128StarStar(state, 4 * stream)
  }

  function nextOpen01(stream: number): number {
    return (nextUint32(stream) + 0.5) / TWO_POW_32
  }

  ensure(RESERVED_STREAMS)
  return {
    seed: seed32,
    ensure,
    nextUint32,
    nextOpen01,
    nextInt(stream, n) {
      return Math.floor(nextOpen01(stream) * n)
    },
    nextGaussian(stream) {
      const u1 = nextOpen01(stream)
      const u2 = nextOpen01(stream)
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
    },
    nextExponential(stream, mean) {
      return -Math.log(nextOpen01(stream)) * mean
    },
  }
}
