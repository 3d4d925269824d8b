// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

error ZeroAmount();
error InsufficientBalance(uint256 requested, uint256 available);

/// The same contract with errors declared at file level, `require(condition, CustomError(...))`
/// (Solidity 0.8.26+), a modifier and the ether sent before the event (still safe: the balance
/// is lowered first).
contract PiggyBank {
    mapping(address => uint256) private _balances;

    event Deposited(address indexed who, uint256 value);
    event Withdrawn(address indexed who, uint256 value);

    modifier nonZero(uint256 value) {
        require(value > 0, ZeroAmount());
        _;
    }

    function balanceOf(address who) external view returns (uint256) {
        return _balances[who];
    }

    function deposit() external payable nonZero(msg.value) {
        _balances[msg.sender] += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function withdraw(uint256 value) external nonZero(value) {
        require(value <= _balances[msg.sender], InsufficientBalance(value, _balances[msg.sender]));
        unchecked {
            _balances[msg.sender] -= value;
        }
        payable(msg.sender).transfer(value);
        emit Withdrawn(msg.sender, value);
    }
}
