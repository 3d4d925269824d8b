// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A counter stored on the chain. Anyone can read it; anyone can set it or add one;
/// only the account that deployed it can reset it to zero.
/// 체인에 저장되는 카운터입니다. 누구나 값을 읽을 수 있고, 누구나 값을 정하거나 1을 더할 수 있습니다.
/// 값을 0으로 초기화하는 것은 계약을 배포한 계정만 할 수 있습니다.
contract Counter {
    // `public` makes Solidity write a getter for you: count() and owner().
    // `public`을 붙이면 Solidity가 값을 읽는 함수(getter) count()와 owner()를 대신 만들어 줍니다.
    uint256 public count;
    address public owner;

    constructor(uint256 start) {
        // TODO 1: store the starting value in `count`
        // TODO 1: 시작값을 `count`에 저장하세요
        // TODO 2: remember who deployed the contract (msg.sender) in `owner`
        // TODO 2: 계약을 배포한 사람(msg.sender)을 `owner`에 기억해 두세요
    }

    /// Replaces the stored value.
    /// 저장된 값을 새 값으로 바꿉니다.
    function setCount(uint256 newCount) external {
        // TODO 3: store newCount
        // TODO 3: newCount를 저장하세요
    }

    /// Adds one to the stored value.
    /// 저장된 값에 1을 더합니다.
    function increment() external {
        // TODO 4: add one to count
        // TODO 4: count에 1을 더하세요
    }

    /// Sets the value back to zero. Only the owner may do this.
    /// 값을 다시 0으로 만듭니다. owner만 할 수 있습니다.
    function reset() external {
        // TODO 5: revert when the caller is not the owner, then set count to 0
        // TODO 5: 호출한 사람이 owner가 아니면 되돌리고(revert), 그다음 count를 0으로 만드세요
    }
}
