// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/access/Ownable.sol";

/// The same election with OpenZeppelin's Ownable as the administrator role, custom errors,
/// a voter-status enum and the tally in a mapping.
contract Election is Ownable {
    enum Status { Unknown, Registered, Voted }

    string[] private names;
    mapping(uint256 => uint256) private tally;
    mapping(address => Status) public statusOf;
    bool public closed;

    error VotingClosed();
    error NotRegistered(address who);
    error AlreadyVoted(address who);
    error UnknownCandidate(uint256 candidateId);

    event BallotCast(address indexed voter);

    constructor() Ownable(msg.sender) {}

    function addCandidate(string memory name) public onlyOwner {
        names.push(name);
    }

    function registerVoter(address voter) public onlyOwner {
        if (statusOf[voter] == Status.Unknown) statusOf[voter] = Status.Registered;
    }

    function vote(uint256 candidateId) public {
        if (closed) revert VotingClosed();
        Status s = statusOf[msg.sender];
        if (s == Status.Unknown) revert NotRegistered(msg.sender);
        if (s == Status.Voted) revert AlreadyVoted(msg.sender);
        if (candidateId >= names.length) revert UnknownCandidate(candidateId);
        statusOf[msg.sender] = Status.Voted;
        tally[candidateId]++;
        emit BallotCast(msg.sender);
    }

    function closeVoting() public onlyOwner {
        closed = true;
    }

    function candidateCount() public view returns (uint256) {
        return names.length;
    }

    function votesFor(uint256 candidateId) public view returns (uint256) {
        if (candidateId >= names.length) revert UnknownCandidate(candidateId);
        return tally[candidateId];
    }
}
