// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// An ERC-20 token. The whole supply goes to the deployer.
// (Prefer OpenZeppelin? Replace this file with `contract PlaygroundToken is ERC20 { ... }`
//  importing "@openzeppelin/contracts/token/ERC20/ERC20.sol": the grader accepts both.)
// ERC-20 토큰입니다. 발행량 전체가 배포한 사람에게 갑니다.
// (OpenZeppelin을 쓰고 싶나요? "@openzeppelin/contracts/token/ERC20/ERC20.sol"을 import해서 이 파일을
//  `contract PlaygroundToken is ERC20 { ... }`로 바꿔도 됩니다. 채점기는 두 방식을 모두 받아들입니다.)
contract PlaygroundToken {
    string public constant name = "Playground Token";
    string public constant symbol = "PLAY";
    uint8 public constant decimals = 18;
    uint256 public totalSupply;

    mapping(address => uint256) public balanceOf;
    // allowance[owner][spender]: how much `spender` may still move out of `owner`'s balance
    // allowance[owner][spender]: `spender`가 `owner`의 잔액에서 앞으로 더 옮길 수 있는 양
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
        // TODO 1: 호출한 사람이 가진 양이 `value`보다 적으면 되돌리세요
        // TODO 2: move `value` from the caller to `to` and emit Transfer(msg.sender, to, value)
        // TODO 2: 호출한 사람에게서 `to`에게 `value`만큼 옮기고 Transfer(msg.sender, to, value)를 내보내세요
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        // TODO 3: set allowance[msg.sender][spender] to `value` and emit Approval
        // TODO 3: allowance[msg.sender][spender]를 `value`로 정하고 Approval을 내보내세요
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        // TODO 4: revert if the caller's allowance from `from` is less than `value`, then lower it
        // TODO 4: `from`이 호출한 사람에게 허용한 양(allowance)이 `value`보다 적으면 되돌리고, 아니면 허용량을 그만큼 줄이세요
        // TODO 5: revert if `from` holds less than `value`; move the tokens; emit Transfer(from, to, value)
        // TODO 5: `from`이 가진 양이 `value`보다 적으면 되돌리세요. 그다음 토큰을 옮기고 Transfer(from, to, value)를 내보내세요
        return true;
    }
}
