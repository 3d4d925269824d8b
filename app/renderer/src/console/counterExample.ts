/**
 * The console page's built-in example for `deploy`: a counter anyone can increment.
 *
 * @module
 */

export const COUNTER_SOL = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A counter: deploy it with a start value, then call increment and count.
contract Counter {
    uint256 public count;
    event Incremented(address by, uint256 count);

    constructor(uint256 start) {
        count = start;
    }

    function increment() external {
        count += 1;
        emit Incremented(msg.sender, count);
    }

    function add(uint256 amount) external {
        count += amount;
    }
}
`

/** The files the console page offers to `deploy`. */
export const CONSOLE_EXAMPLE_FILES: Readonly<Record<string, string>> = Object.freeze({ 'Counter.sol': COUNTER_SOL })
