/**
 * What a network model is: regions, how nodes are spread over them, per-message latency draws,
 * link bandwidth, and the fixed costs the relay pays per message.
 *
 * @module
 */
import type { RandomStreams } from '../sim/prng.ts'

export interface NetworkModel {
  readonly name: string
  readonly regions: readonly string[]
  /** Share of nodes per region (sums to 1). */
  readonly regionDistribution: readonly number[]
  /** One message's propagation latency in µs, drawn from `stream`. */
  latencyUs(fromRegion: number, toRegion: number, rng: RandomStreams, stream: number): number
  /** Usable bandwidth of a from→to transfer in bit/s; 0 means unlimited. */
  bandwidthBps(fromRegion: number, toRegion: number): number
  /** Added to every block transfer (validation / processing), µs. */
  readonly processingUs: number
  /** Added to every small control message (INV, GETDATA, GETBLOCKTXN), µs. */
  readonly controlOverheadUs: number
  /**
   * When a node's upload slot frees: `'sent'` once the bytes are on the wire (physical), or
   * `'delivered'` once the receiver has them — SimBlock's behaviour, kept for its preset so its
   * figures can be compared like for like.
   */
  readonly uploadSlot: 'sent' | 'delivered'
}

/** Transfer time of `bytes` at `bps` bit/s, in whole µs (0 when unlimited). */
export function transferUs(bytes: number, bps: number): number {
  return bps > 0 ? Math.round((bytes * 8 * 1e6) / bps) : 0
}
