/**
 * Slots, epochs and checkpoints on a chain. A block belongs to the slot its proposer made it in
 * (kept per block: a proposer with a skewed clock stamps its own slot, not the simulator's). The
 * checkpoint of epoch e on a chain is Ethereum's epoch boundary block: the block of slot e·S, or
 * the latest block before it when that slot is empty. So one block can be the checkpoint of
 * several epochs, and a checkpoint is the pair (epoch, block).
 *
 * @module
 */
import type { BlockId, BlockStore } from '../../chain/blockStore.ts'
import { grown } from '../../sim/typedArrays.ts'

/** The slot of every block (the genesis: slot 0). */
export class BlockSlots {
  private slots = new Int32Array(1024)

  set(block: BlockId, slot: number): void {
    if (block >= this.slots.length) this.slots = grown(this.slots, Math.max(block + 1, this.slots.length * 2))
    this.slots[block] = slot
  }

  get(block: BlockId): number {
    return block < this.slots.length ? this.slots[block]! : 0
  }
}

/** The checkpoint block of `epoch` on the chain ending at `head`. */
export function checkpointBlock(store: BlockStore, slots: BlockSlots, head: BlockId, epoch: number, slotsPerEpoch: number): BlockId {
  const boundary = epoch * slotsPerEpoch
  let b = head
  while (b > 0 && slots.get(b) > boundary) b = store.parent(b)
  return b
}

/** Whether `block` can be the checkpoint of `epoch` (it is not from a later slot). */
export function canBeCheckpoint(slots: BlockSlots, block: BlockId, epoch: number, slotsPerEpoch: number): boolean {
  return slots.get(block) <= epoch * slotsPerEpoch
}
