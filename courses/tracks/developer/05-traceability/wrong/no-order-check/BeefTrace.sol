// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Beef traceability: each animal passes farm → slaughterhouse → processor → seller.
/// The administrator authorises each participant for one stage; the participant records
/// that stage; anyone can read the whole history.
contract BeefTrace {
    enum Stage { None, Farm, Slaughter, Processing, Sale }

    struct Step {
        Stage stage;
        address actor;
        uint256 timestamp;
    }

    address public admin;
    mapping(address => Stage) public roleOf;
    mapping(uint256 => Step[]) private history;

    event ParticipantAuthorized(address indexed participant, Stage stage);
    event StepRecorded(uint256 indexed animalId, Stage stage, address indexed actor, uint256 timestamp);

    constructor() {
        admin = msg.sender;
    }

    function authorize(address participant, Stage stage) external {
        require(msg.sender == admin, "BeefTrace: only the administrator");
        require(stage != Stage.None, "BeefTrace: no such stage");
        roleOf[participant] = stage;
        emit ParticipantAuthorized(participant, stage);
    }

    function recordStep(uint256 animalId, Stage stage) external {
        require(stage != Stage.None && roleOf[msg.sender] == stage, "BeefTrace: not authorised for this stage");
        history[animalId].push(Step(stage, msg.sender, block.timestamp));
        emit StepRecorded(animalId, stage, msg.sender, block.timestamp);
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
