// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// The contract your script deploys and talks to. You do not need to change it:
/// Greeter.json holds what the compiler made of it (abi + bytecode).
contract Greeter {
    string private greeting;

    event GreetingChanged(address indexed by, string greeting);

    constructor(string memory initial) {
        greeting = initial;
    }

    function greet() external view returns (string memory) {
        return greeting;
    }

    function setGreeting(string calldata next) external {
        greeting = next;
        emit GreetingChanged(msg.sender, next);
    }
}
