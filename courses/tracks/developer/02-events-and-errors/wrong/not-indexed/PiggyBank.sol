// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Everyone keeps their own ether here and can take it back; every change is announced by an event.
contract PiggyBank {
    mapping(address => uint256) public balanceOf;

    event Deposited(address account, uint256 amount);
    event Withdrawn(address account, uint256 amount);

    error ZeroAmount();
    error InsufficientBalance(uint256 requested, uint256 available);

    function deposit() external payable {
        if (msg.value == 0) revert ZeroAmount();
        balanceOf[msg.sender] += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function withdraw(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        uint256 available = balanceOf[msg.sender];
        if (amount > available) revert InsufficientBalance(amount, available);
        balanceOf[msg.sender] = available - amount;
        emit Withdrawn(msg.sender, amount);
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "PiggyBank: sending ether failed");
    }
}
