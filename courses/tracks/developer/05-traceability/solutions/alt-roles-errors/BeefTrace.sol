// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// The same ledger written differently: plain uint8 stage numbers, a participant may hold several
/// roles, custom errors, one global list of records with a per-animal index, and the current
/// stage kept in its own mapping.
contract BeefTrace {
    uint8 public constant FARM = 1;
    uint8 public constant SALE = 4;

    struct Record {
        uint256 animalId;
        uint8 stage;
        address by;
        uint64 at;
    }

    address public immutable administrator;
    mapping(address => mapping(uint8 => bool)) public mayRecord;
    mapping(uint256 => uint8) public currentStage;
    Record[] private records;
    mapping(uint256 => uint256[]) private recordsOf;

    error NotAdministrator();
    error NotAuthorised(address caller, uint8 stage);
    error OutOfOrder(uint256 animalId, uint8 current, uint8 attempted);

    event StepRecorded(uint256 indexed animal, uint8 stage, address indexed by, uint256 at);

    constructor() {
        administrator = msg.sender;
    }

    function authorize(address participant, uint8 stage) external {
        if (msg.sender != administrator) revert NotAdministrator();
        mayRecord[participant][stage] = true;
    }

    function recordStep(uint256 animalId, uint8 stage) external {
        if (stage < FARM || stage > SALE || !mayRecord[msg.sender][stage]) revert NotAuthorised(msg.sender, stage);
        uint8 current = currentStage[animalId];
        if (stage != current + 1) revert OutOfOrder(animalId, current, stage);
        currentStage[animalId] = stage;
        recordsOf[animalId].push(records.length);
        records.push(Record(animalId, stage, msg.sender, uint64(block.timestamp)));
        emit StepRecorded(animalId, stage, msg.sender, block.timestamp);
    }

    function historyLength(uint256 animalId) external view returns (uint256) {
        return recordsOf[animalId].length;
    }

    function stepAt(uint256 animalId, uint256 index) external view returns (uint8, address, uint256) {
        Record memory r = records[recordsOf[animalId][index]];
        return (r.stage, r.by, r.at);
    }
}
