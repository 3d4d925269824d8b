// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
/// Also correct: explicit getters instead of public variables, custom errors with arguments, zero-address
/// checks, and an infinite allowance (type(uint256).max) that transferFrom does not lower, as OpenZeppelin does.
contract PlaygroundToken {
    error InsufficientBalance(address account, uint balance, uint needed);
    error InsufficientAllowance(address spender, uint allowance, uint needed);
    error ZeroAddress();
    mapping(address => uint) private _balances;
    mapping(address => mapping(address => uint)) private _allowances;
    uint private _supply;
    event Transfer(address indexed from, address indexed to, uint value);
    event Approval(address indexed owner, address indexed spender, uint value);
    constructor(uint initialSupply) { _supply = initialSupply; _balances[msg.sender] = initialSupply; emit Transfer(address(0), msg.sender, initialSupply); }
    function name() public pure returns (string memory) { return "Playground Token"; }
    function symbol() public pure returns (string memory) { return "PLAY"; }
    function decimals() public pure returns (uint8) { return 18; }
    function totalSupply() public view returns (uint) { return _supply; }
    function balanceOf(address a) public view returns (uint) { return _balances[a]; }
    function allowance(address o, address s) public view returns (uint) { return _allowances[o][s]; }
    function transfer(address to, uint v) public returns (bool ok) { _transfer(msg.sender, to, v); ok = true; }
    function approve(address s, uint v) public returns (bool) {
        if (s == address(0)) revert ZeroAddress();
        _allowances[msg.sender][s] = v; emit Approval(msg.sender, s, v); return true;
    }
    function transferFrom(address from, address to, uint v) public returns (bool) {
        uint a = _allowances[from][msg.sender];
        if (a != type(uint).max) {
            if (a < v) revert InsufficientAllowance(msg.sender, a, v);
            unchecked { _allowances[from][msg.sender] = a - v; }
            emit Approval(from, msg.sender, a - v);
        }
        _transfer(from, to, v);
        return true;
    }
    function _transfer(address from, address to, uint v) internal {
        if (to == address(0) || from == address(0)) revert ZeroAddress();
        uint b = _balances[from];
        if (b < v) revert InsufficientBalance(from, b, v);
        unchecked { _balances[from] = b - v; _balances[to] += v; }
        emit Transfer(from, to, v);
    }
}
