package dev.gauntlet.platform.assessment;

/** The body of {@code POST /api/v1/assessments/{id}/invitations}: the candidate's e-mail address. */
public record NewInvitation(String email) {
}
