// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Everyone keeps their own ether here and can take it back; every change is announced by an event.
contract PiggyBank {
    mapping(address => uint256) public balanceOf;

    // TODO 1: declare the events, with the account as an indexed parameter:
    //   Deposited(address indexed account, uint256 amount)
    //   Withdrawn(address indexed account, uint256 amount)

    // TODO 2: declare the custom errors:
    //   ZeroAmount()
    //   InsufficientBalance(uint256 requested, uint256 available)

    function deposit() external payable {
        // TODO 3: revert with ZeroAmount() when no ether was sent (msg.value == 0)
        balanceOf[msg.sender] += msg.value;
        // TODO 4: emit Deposited(msg.sender, msg.value)
    }

    function withdraw(uint256 amount) external {
        // TODO 5: revert with ZeroAmount() when amount is 0, and with
        //         InsufficientBalance(amount, balance) when amount is more than the caller's balance
        balanceOf[msg.sender] -= amount;
        // TODO 6: emit Withdrawn(msg.sender, amount)
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "PiggyBank: sending ether failed");
    }
}
