/**
 * Small helpers of the network summary beside the terminal.
 *
 * @module
 */

/** The CSS class of a node's status cell: anything but `up` stands out. */
export function statusClass(status: string): string {
  return status === 'up' ? 'status-up' : 'status-down'
}
