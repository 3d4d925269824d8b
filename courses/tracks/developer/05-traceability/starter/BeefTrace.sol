// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Beef traceability: each animal passes farm → slaughterhouse → processor → seller.
/// The administrator authorises each participant for one stage; the participant records
/// that stage; anyone can read the whole history.
/// 소고기 이력 추적: 소 한 마리는 농장 → 도축장 → 가공장 → 판매장을 차례로 거칩니다.
/// 관리자가 참여자마다 한 단계의 권한을 주고, 참여자는 그 단계를 기록하며, 누구나 전체 이력을 읽을 수 있습니다.
contract BeefTrace {
    // In the ABI an enum is a uint8: None = 0, Farm = 1, Slaughter = 2, Processing = 3, Sale = 4.
    // ABI에서 enum은 uint8로 나타납니다: None = 0, Farm = 1, Slaughter = 2, Processing = 3, Sale = 4.
    enum Stage { None, Farm, Slaughter, Processing, Sale }

    struct Step {
        Stage stage;
        address actor;
        uint256 timestamp;
    }

    address public admin;
    mapping(address => Stage) public roleOf;
    mapping(uint256 => Step[]) private history;

    // TODO 1: declare StepRecorded(uint256 indexed animalId, Stage stage, address indexed actor, uint256 timestamp)
    // TODO 1: StepRecorded(uint256 indexed animalId, Stage stage, address indexed actor, uint256 timestamp) 이벤트를 선언하세요

    constructor() {
        admin = msg.sender;
    }

    function authorize(address participant, Stage stage) external {
        // TODO 2: only the administrator may authorise participants
        // TODO 2: 관리자만 참여자에게 권한을 줄 수 있게 하세요
        roleOf[participant] = stage;
    }

    function recordStep(uint256 animalId, Stage stage) external {
        // TODO 3: revert unless the caller is authorised for exactly this stage
        // TODO 3: 호출한 사람이 바로 이 단계의 권한을 가진 것이 아니면 되돌리세요
        // TODO 4: revert unless this stage is the one right after the animal's current stage
        //         (a new animal starts at Farm; nothing comes after Sale)
        // TODO 4: 이 단계가 그 소의 현재 단계 바로 다음 단계가 아니면 되돌리세요
        //         (새로 기록하는 소는 Farm에서 시작하고, Sale 다음에는 단계가 없습니다)
        // TODO 5: add Step(stage, msg.sender, block.timestamp) to the animal's history
        // TODO 5: 그 소의 이력에 Step(stage, msg.sender, block.timestamp)를 추가하세요
        // TODO 6: emit StepRecorded(animalId, stage, msg.sender, block.timestamp)
        // TODO 6: StepRecorded(animalId, stage, msg.sender, block.timestamp) 이벤트를 내보내세요
    }

    function currentStage(uint256 animalId) public view returns (Stage) {
        Step[] storage steps = history[animalId];
        return steps.length == 0 ? Stage.None : steps[steps.length - 1].stage;
    }

    function historyLength(uint256 animalId) external view returns (uint256) {
        return history[animalId].length;
    }

    function stepAt(uint256 animalId, uint256 index) external view returns (Stage stage, address actor, uint256 timestamp) {
        Step storage s = history[animalId][index];
        return (s.stage, s.actor, s.timestamp);
    }
}
