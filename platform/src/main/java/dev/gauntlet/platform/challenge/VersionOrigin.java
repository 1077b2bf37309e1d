package dev.gauntlet.platform.challenge;

/** How a challenge version came to be. */
public enum VersionOrigin {
  /** Published from the catalog folder when the platform started. */
  BUNDLED,
  /** Uploaded by an author through the API. */
  UPLOAD,
  /** Used by submissions stored before versions were recorded. */
  LEGACY
}
