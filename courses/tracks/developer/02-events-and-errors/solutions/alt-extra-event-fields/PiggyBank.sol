// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
/// Also correct: events with an extra field (and amount indexed too), require with custom errors in a
/// modifier, a private mapping behind a balanceOf function, receive(), and transfer() to pay out.
contract PiggyBank {
    mapping(address => uint) private balances;
    event Deposited(address indexed who, uint amount, uint newBalance);
    event Withdrawn(address indexed who, uint indexed amount, uint newBalance);
    error ZeroAmount();
    error InsufficientBalance(uint requested, uint available);
    modifier nonZero(uint a) { require(a != 0, ZeroAmount()); _; }
    function balanceOf(address who) external view returns (uint) { return balances[who]; }
    receive() external payable { _deposit(); }
    function deposit() public payable { _deposit(); }
    function _deposit() internal nonZero(msg.value) {
        balances[msg.sender] += msg.value;
        emit Deposited(msg.sender, msg.value, balances[msg.sender]);
    }
    function withdraw(uint amount) external nonZero(amount) {
        require(balances[msg.sender] >= amount, InsufficientBalance(amount, balances[msg.sender]));
        unchecked { balances[msg.sender] -= amount; }
        payable(msg.sender).transfer(amount);
        emit Withdrawn(msg.sender, amount, balances[msg.sender]);
    }
}
