// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// The same token built on OpenZeppelin's audited ERC20 (name, symbol, decimals = 18, events,
/// allowance checks and custom errors come from the library).
contract PlaygroundToken is ERC20 {
    constructor(uint256 initialSupply) ERC20("Playground Token", "PLAY") {
        _mint(msg.sender, initialSupply);
    }
}
