// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A counter stored on the chain. Anyone can read it; anyone can set it or add one;
/// only the account that deployed it can reset it to zero.
contract Counter {
    uint256 public count;
    address public owner;

    constructor(uint256 start) {
        count = start;
    }

    /// Replaces the stored value.
    function setCount(uint256 newCount) external {
        count = newCount;
    }

    /// Adds one to the stored value.
    function increment() external {
        count += 1;
    }

    /// Sets the value back to zero. Only the owner may do this.
    function reset() external {
        require(msg.sender == owner, "Counter: only the owner can reset");
        count = 0;
    }
}
