// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// An ERC-20 token. The whole supply goes to the deployer.
// (Prefer OpenZeppelin? Replace this file with `contract PlaygroundToken is ERC20 { ... }`
//  importing "@openzeppelin/contracts/token/ERC20/ERC20.sol": the grader accepts both.)
contract PlaygroundToken {
    string public constant name = "Playground Token";
    string public constant symbol = "PLAY";
    uint8 public constant decimals = 18;
    uint256 public totalSupply;

    mapping(address => uint256) public balanceOf;
    // allowance[owner][spender]: how much `spender` may still move out of `owner`'s balance
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(uint256 initialSupply) {
        totalSupply = initialSupply;
        balanceOf[msg.sender] = initialSupply;
        emit Transfer(address(0), msg.sender, initialSupply);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        // TODO 1: revert if the caller holds less than `value`
        // TODO 2: move `value` from the caller to `to` and emit Transfer(msg.sender, to, value)
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        // TODO 3: set allowance[msg.sender][spender] to `value` and emit Approval
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        // TODO 4: revert if the caller's allowance from `from` is less than `value`, then lower it
        // TODO 5: revert if `from` holds less than `value`; move the tokens; emit Transfer(from, to, value)
        return true;
    }
}
