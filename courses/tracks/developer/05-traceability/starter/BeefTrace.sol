// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Beef traceability: each animal passes farm → slaughterhouse → processor → seller.
/// The administrator authorises each participant for one stage; the participant records
/// that stage; anyone can read the whole history.
contract BeefTrace {
    // In the ABI an enum is a uint8: None = 0, Farm = 1, Slaughter = 2, Processing = 3, Sale = 4.
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

    constructor() {
        admin = msg.sender;
    }

    function authorize(address participant, Stage stage) external {
        // TODO 2: only the administrator may authorise participants
        roleOf[participant] = stage;
    }

    function recordStep(uint256 animalId, Stage stage) external {
        // TODO 3: revert unless the caller is authorised for exactly this stage
        // TODO 4: revert unless this stage is the one right after the animal's current stage
        //         (a new animal starts at Farm; nothing comes after Sale)
        // TODO 5: add Step(stage, msg.sender, block.timestamp) to the animal's history
        // TODO 6: emit StepRecorded(animalId, stage, msg.sender, block.timestamp)
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
