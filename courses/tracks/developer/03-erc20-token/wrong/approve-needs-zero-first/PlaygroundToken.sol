// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A hand-written ERC-20 token. The whole supply goes to the deployer.
contract PlaygroundToken {
    string public constant name = "Playground Token";
    string public constant symbol = "PLAY";
    uint8 public constant decimals = 18;
    uint256 public totalSupply;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(uint256 initialSupply) {
        totalSupply = initialSupply;
        balanceOf[msg.sender] = initialSupply;
        emit Transfer(address(0), msg.sender, initialSupply);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        // Wrong: a USDT-style guard. The standard says the contract must not force "set it to 0 first".
        require(value == 0 || allowance[msg.sender][spender] == 0, "PLAY: set the allowance to 0 first");
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        require(allowed >= value, "PLAY: allowance too small");
        allowance[from][msg.sender] = allowed - value;
        _move(from, to, value);
        return true;
    }

    function _move(address from, address to, uint256 value) private {
        require(to != address(0), "PLAY: transfer to the zero address");
        uint256 held = balanceOf[from];
        require(held >= value, "PLAY: balance too small");
        balanceOf[from] = held - value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}
