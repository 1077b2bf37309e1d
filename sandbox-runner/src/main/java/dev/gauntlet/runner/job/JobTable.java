package dev.gauntlet.runner.job;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.Optional;

/**
 * The cluster's job table: a Hazelcast map from submission id to {@link JobEntry}, stored as JSON so
 * that members query it by state without sharing classes. A runner claims a queued job with a
 * compare-and-set, so two runners never take the same job. Calls block: use them off the event loop.
 */
public final class JobTable {
  public static final String MAP_NAME = "gauntlet.jobs";
  /** Published when a job is queued, so idle runners look at once instead of at their next poll. */
  public static final String JOBS_QUEUED_ADDRESS = "gauntlet.jobs.queued";

  private final IMap<String, HazelcastJsonValue> jobs;

  public JobTable(HazelcastInstance hazelcast) {
    this.jobs = hazelcast.getMap(MAP_NAME);
  }

  /** Queues a job unless one for the same submission is already in the table. */
  public boolean enqueue(Job job, long now) {
    return jobs.putIfAbsent(job.submissionId(), encode(new JobEntry(job, JobState.QUEUED, null, now))) == null;
  }

  /** Takes the oldest queued job for this runner, if any is left. */
  public Optional<Job> claimOldest(String runnerId) {
    var queued = jobs.entrySet(Predicates.equal("state", JobState.QUEUED.name())).stream()
        .sorted(Comparator.comparingLong(e -> decode(e.getValue()).enqueuedAt()))
        .toList();
    for (var candidate : queued) {
      var entry = decode(candidate.getValue());
      if (jobs.replace(candidate.getKey(), candidate.getValue(), encode(entry.claimedBy(runnerId)))) {
        return Optional.of(entry.job());
      }
    }
    return Optional.empty();
  }

  /** Removes a job whose verdict the platform has recorded. */
  public void complete(String submissionId) {
    jobs.delete(submissionId);
  }

  private static HazelcastJsonValue encode(JobEntry entry) {
    return new HazelcastJsonValue(JsonObject.mapFrom(entry).encode());
  }

  private static JobEntry decode(HazelcastJsonValue value) {
    return new JsonObject(value.getValue()).mapTo(JobEntry.class);
  }
}
