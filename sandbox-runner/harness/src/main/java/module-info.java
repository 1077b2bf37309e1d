/**
 * The concurrency harness. Only the package a challenge's workload is written against is exported;
 * nothing is opened, so a candidate's class, which runs in the unnamed module beside it, cannot
 * reflect into what the harness records or the key it signs with.
 */
module dev.gauntlet.harness {
  exports dev.gauntlet.harness.api;

  uses dev.gauntlet.harness.api.Workload;
}
