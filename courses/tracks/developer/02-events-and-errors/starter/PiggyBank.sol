// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Everyone keeps their own ether here and can take it back; every change is announced by an event.
/// 누구나 자기 이더를 여기에 맡겨 두었다가 다시 찾아갈 수 있습니다. 잔액이 바뀔 때마다 이벤트로 알립니다.
contract PiggyBank {
    mapping(address => uint256) public balanceOf;

    // TODO 1: declare the events, with the account as an indexed parameter:
    // TODO 1: 이벤트를 선언하세요. 계정(account)은 indexed 매개변수로 둡니다:
    //   Deposited(address indexed account, uint256 amount)
    //   Withdrawn(address indexed account, uint256 amount)

    // TODO 2: declare the custom errors:
    // TODO 2: 사용자 정의 오류를 선언하세요:
    //   ZeroAmount()
    //   InsufficientBalance(uint256 requested, uint256 available)

    function deposit() external payable {
        // TODO 3: revert with ZeroAmount() when no ether was sent (msg.value == 0)
        // TODO 3: 보낸 이더가 없으면(msg.value == 0) ZeroAmount()로 되돌리세요
        balanceOf[msg.sender] += msg.value;
        // TODO 4: emit Deposited(msg.sender, msg.value)
        // TODO 4: Deposited(msg.sender, msg.value) 이벤트를 내보내세요(emit)
    }

    function withdraw(uint256 amount) external {
        // TODO 5: revert with ZeroAmount() when amount is 0, and with
        //         InsufficientBalance(amount, balance) when amount is more than the caller's balance
        // TODO 5: amount가 0이면 ZeroAmount()로, amount가 호출한 사람의 잔액보다 크면
        //         InsufficientBalance(amount, balance)로 되돌리세요
        balanceOf[msg.sender] -= amount;
        // TODO 6: emit Withdrawn(msg.sender, amount)
        // TODO 6: Withdrawn(msg.sender, amount) 이벤트를 내보내세요(emit)
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "PiggyBank: sending ether failed");
    }
}
