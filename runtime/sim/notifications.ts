/**
 * What `subscribe(filter, listener)` delivers: plain, structured-cloneable notifications about
 * blocks, tips, reorgs, rejected blocks, node status and commands.
 *
 * Notifications are built only when someone listens to their type (a 10,000-node run has
 * hundreds of thousands of tip changes), so an idle bus costs one array lookup per site.
 *
 * @module
 */

export type Notification =
  | { type: 'block-mined'; atUs: number; block: number; parent: number; height: number; miner: number }
  | { type: 'tip-changed'; atUs: number; node: number; tip: number; height: number }
  | { type: 'reorg'; atUs: number; node: number; from: number; to: number; ancestor: number; depth: number }
  | { type: 'block-rejected'; atUs: number; node: number; block: number; from: number; reason: string }
  | { type: 'node-status'; atUs: number; node: number; status: 'up' | 'crashed' | 'removed' | 'added' }
  | { type: 'command'; atUs: number; command: unknown }
  /** A scheduled command could not run at its time (e.g. its node was removed meanwhile). */
  | { type: 'command-rejected'; atUs: number; command: unknown; reason: { en: string; ko: string } }
  | {
      type: 'attack'
      atUs: number
      node: number
      strategy: string
      success: boolean
      confirmations: number
      attackerBlocks: number
      honestBlocks: number
    }

  /** A node finalized a block (explicit-finality protocols: BFT, Raft, PoA, PoS checkpoints). */
  | { type: 'finalized'; atUs: number; node: number; block: number; height: number }
  /** Two honest nodes finalized different blocks at one height: a safety violation. */
  | {
      type: 'finality-conflict'
      atUs: number
      height: number
      first: { block: number; node: number }
      second: { block: number; node: number }
    }
  /** A validator signed two votes the protocol forbids together (evidence for slashing). */
  | { type: 'slashable'; atUs: number; validator: number; offence: string; evidence: unknown }

export type NotificationType = Notification['type']

export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'block-mined',
  'tip-changed',
  'reorg',
  'block-rejected',
  'node-status',
  'command',
  'command-rejected',
  'attack',
  'finalized',
  'finality-conflict',
  'slashable',
]

export interface SubscriptionFilter {
  /** Types to receive (default: all). */
  types?: readonly NotificationType[] | undefined
  /** Only notifications about these nodes (those without a node always pass). */
  nodes?: readonly number[] | undefined
}

export type Listener = (notification: Notification) => void

export interface NotificationBus {
  /** Cheap check before building a notification. */
  wants(type: NotificationType): boolean
  emit(notification: Notification): void
  subscribe(filter: SubscriptionFilter, listener: Listener): () => void
}

export function createNotificationBus(): NotificationBus {
  const subs = new Set<{ types: Set<NotificationType>; nodes: Set<number> | undefined; listener: Listener }>()
  const wanted = new Map<NotificationType, number>()
  return {
    wants: (type) => (wanted.get(type) ?? 0) > 0,
    emit(n) {
      for (const s of subs) {
        if (!s.types.has(n.type)) continue
        if (s.nodes && 'node' in n && !s.nodes.has(n.node)) continue
        s.listener(n)
      }
    },
    subscribe(filter, listener) {
      const sub = {
        types: new Set(filter.types ?? NOTIFICATION_TYPES),
        nodes: filter.nodes ? new Set(filter.nodes) : undefined,
        listener,
      }
      subs.add(sub)
      for (const t of sub.types) wanted.set(t, (wanted.get(t) ?? 0) + 1)
      return () => {
        if (!subs.delete(sub)) return
        for (const t of sub.types) wanted.set(t, (wanted.get(t) ?? 1) - 1)
      }
    },
  }
}
