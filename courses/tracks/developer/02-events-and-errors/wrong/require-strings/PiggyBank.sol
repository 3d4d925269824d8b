// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Everyone keeps their own ether here and can take it back; every change is announced by an event.
contract PiggyBank {
    mapping(address => uint256) public balanceOf;

    event Deposited(address indexed account, uint256 amount);
    event Withdrawn(address indexed account, uint256 amount);

    error ZeroAmount();
    error InsufficientBalance(uint256 requested, uint256 available);

    function deposit() external payable {
        require(msg.value > 0, "nothing sent");
        balanceOf[msg.sender] += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function withdraw(uint256 amount) external {
        require(amount > 0, "zero amount");
        uint256 available = balanceOf[msg.sender];
        require(amount <= available, "insufficient balance");
        balanceOf[msg.sender] = available - amount;
        emit Withdrawn(msg.sender, amount);
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "PiggyBank: sending ether failed");
    }
}
