/**
 * Numeric kinds of kernel events (folded into the trace hash, so never renumber one).
 *
 * @module
 */

/** A node's mining attempt succeeds (node = miner). */
export const EV_MINE = 1
/** Block announcement arrives (node = receiver, a = block, b = sender). */
export const EV_INV = 2
/** Block request arrives at the holder (node = holder, a = block, b = requester). */
export const EV_GETDATA = 3
/** Full block arrives (node = receiver, a = block, b = sender). */
export const EV_BLOCK = 4
/** Compact block arrives (node = receiver, a = block, b = sender). */
export const EV_CMPCT = 5
/** Missing-transactions request arrives at the holder. */
export const EV_GETBLOCKTXN = 6
/** Missing-transactions reply arrives (completes a compact block). */
export const EV_BLOCKTXN = 7
/** A scheduled user command runs (data = the command). */
export const EV_COMMAND = 8
/** A lost request times out at the requester (node = requester, a = block, b = peer). */
export const EV_REQUEST_TIMEOUT = 9
/** A consensus message arrives (node = receiver, a = message kind, b = sender, c = sender's epoch, data = message). */
export const EV_MESSAGE = 10
/** A protocol timer fires (node, a = timer kind + 16 × the node's epoch, b and c = protocol's). */
export const EV_TIMER = 11
/** The workload submits its next transaction (node = the node it is sent to). */
export const EV_TX_ARRIVAL = 12
/** A node's transaction-gossip interval ends: one batch per link (node). */
export const EV_TX_FLUSH = 13
/** A batch of transaction ids arrives (node = receiver, b = sender, c = sender's epoch, data = ids). */
export const EV_TX_BATCH = 14

export const EVENT_KIND_NAMES: Readonly<Record<number, string>> = {
  [EV_MINE]: 'mine',
  [EV_INV]: 'inv',
  [EV_GETDATA]: 'getdata',
  [EV_BLOCK]: 'block',
  [EV_CMPCT]: 'cmpctblock',
  [EV_GETBLOCKTXN]: 'getblocktxn',
  [EV_BLOCKTXN]: 'blocktxn',
  [EV_COMMAND]: 'command',
  [EV_REQUEST_TIMEOUT]: 'request-timeout',
  [EV_MESSAGE]: 'message',
  [EV_TIMER]: 'timer',
  [EV_TX_ARRIVAL]: 'tx-arrival',
  [EV_TX_FLUSH]: 'tx-flush',
  [EV_TX_BATCH]: 'tx-batch',
}

/** Message kinds counted by the metrics (index into per-kind counters). */
export const MESSAGE_KINDS = ['inv', 'getdata', 'block', 'cmpctblock', 'getblocktxn', 'blocktxn'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]
export const MSG_INV = 0
export const MSG_GETDATA = 1
export const MSG_BLOCK = 2
export const MSG_CMPCT = 3
export const MSG_GETBLOCKTXN = 4
export const MSG_BLOCKTXN = 5
