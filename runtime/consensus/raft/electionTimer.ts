/**
 * Raft's election timer as at most one pending kernel event per node. Followers reset it on every
 * heartbeat, far more often than it fires, so a reset only moves the deadline; the pending event
 * re-arms itself when it fires before the deadline, and a token voids events a reset overtook.
 *
 * Deadlines are read on the node's own clock, so a clock fault's drift shortens or stretches the
 * timeout as it would on a real machine.
 *
 * @module
 */
import { localTimeUs } from '../../node/clock.ts'
import type { World } from '../../sim/world.ts'
import { setTimer } from '../common/timers.ts'

export class ElectionTimer {
  /** Local-clock time the timeout elapses at. */
  private deadlineUs = 0
  /** Local-clock time the pending event fires at (-1: none pending). */
  private pendingAt = -1
  private token = 0

  /** `timerKind`: the protocol's timer kind for this timer's events. */
  constructor(private readonly timerKind: number) {}

  /** Starts the countdown again with a fresh timeout of `timeoutUs`. */
  reset(w: World, node: number, timeoutUs: number): void {
    this.deadlineUs = localTimeUs(w, node) + timeoutUs
    if (this.pendingAt < 0 || this.pendingAt > this.deadlineUs) this.arm(w, node)
  }

  /**
   * The timer event carrying `token` fired: true when the timeout has elapsed. An early event
   * re-arms for the deadline; a stale one (overtaken by a reset) is ignored. When the timer is not
   * `running` (the node leads, or never stands), the event just lapses.
   */
  fired(w: World, node: number, token: number, running: boolean): boolean {
    if (token !== this.token) return false
    this.pendingAt = -1
    if (!running) return false
    if (localTimeUs(w, node) >= this.deadlineUs) return true
    this.arm(w, node)
    return false
  }

  /** A crash voided the pending event (timers carry the node's epoch). */
  lost(): void {
    this.pendingAt = -1
  }

  private arm(w: World, node: number): void {
    this.token++
    this.pendingAt = this.deadlineUs
    setTimer(w, node, this.deadlineUs - localTimeUs(w, node), this.timerKind, this.token, 0)
  }
}
