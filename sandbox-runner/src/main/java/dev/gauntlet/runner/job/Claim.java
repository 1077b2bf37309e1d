package dev.gauntlet.runner.job;

/** A job a runner took from the table, and the lease it holds on it. */
public record Claim(Job job, Lease lease) {
}
