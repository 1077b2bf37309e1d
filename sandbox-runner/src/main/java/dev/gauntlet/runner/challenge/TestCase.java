package dev.gauntlet.runner.challenge;

/** One input with its expected answer, from {@code tests/<visibility>/<name>.in} and {@code .ans}. */
public record TestCase(String name, Visibility visibility, byte[] input, byte[] answer) {
}
