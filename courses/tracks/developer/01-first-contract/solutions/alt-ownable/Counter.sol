// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/access/Ownable.sol";

/// The same counter written with OpenZeppelin's Ownable (which provides owner() and onlyOwner),
/// a private variable behind a hand-written getter and a pre-increment.
contract Counter is Ownable {
    uint256 private _value;

    constructor(uint256 start) Ownable(msg.sender) {
        _value = start;
    }

    function count() external view returns (uint256) {
        return _value;
    }

    function setCount(uint256 newCount) public {
        _value = newCount;
    }

    function increment() public {
        ++_value;
    }

    function reset() public onlyOwner {
        delete _value;
    }
}
