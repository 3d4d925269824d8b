// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A counter stored on the chain. Anyone can read it; anyone can set it or add one;
/// only the account that deployed it can reset it to zero.
contract Counter {
    // `public` makes Solidity write a getter for you: count() and owner().
    uint256 public count;
    address public owner;

    constructor(uint256 start) {
        // TODO 1: store the starting value in `count`
        // TODO 2: remember who deployed the contract (msg.sender) in `owner`
    }

    /// Replaces the stored value.
    function setCount(uint256 newCount) external {
        // TODO 3: store newCount
    }

    /// Adds one to the stored value.
    function increment() external {
        // TODO 4: add one to count
    }

    /// Sets the value back to zero. Only the owner may do this.
    function reset() external {
        // TODO 5: revert when the caller is not the owner, then set count to 0
    }
}
