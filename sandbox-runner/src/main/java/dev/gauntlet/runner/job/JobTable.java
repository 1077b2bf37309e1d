package dev.gauntlet.runner.job;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The cluster's job table: a Hazelcast map from submission id to {@link JobEntry}, stored as JSON so
 * that members query it by state without sharing classes. Every change is a compare-and-set on the
 * entry, so two runners never take the same job. A claimed job carries a lease its runner renews;
 * when the lease runs out the job is queued again. Calls block: use them off the event loop.
 */
public final class JobTable {
  public static final String MAP_NAME = "gauntlet.jobs";
  /** Published when a job is queued, so idle runners look at once instead of at their next poll. */
  public static final String JOBS_QUEUED_ADDRESS = "gauntlet.jobs.queued";

  private final IMap<String, HazelcastJsonValue> jobs;
  private final Duration lease;

  public JobTable(HazelcastInstance hazelcast, Duration lease) {
    this.jobs = hazelcast.getMap(MAP_NAME);
    this.lease = lease;
  }

  /** Queues a job unless one for the same submission is already in the table. */
  public boolean enqueue(Job job, long now) {
    return jobs.putIfAbsent(job.submissionId(), encode(JobEntry.queued(job, now))) == null;
  }

  /** Takes the oldest queued job for this runner, with a fresh lease, if any is left. */
  public Optional<Job> claimOldest(String runnerId, long now) {
    var queued = jobs.entrySet(Predicates.equal("state", JobState.QUEUED.name())).stream()
        .sorted(Comparator.comparingLong(e -> decode(e.getValue()).enqueuedAt()))
        .toList();
    for (var candidate : queued) {
      var entry = decode(candidate.getValue());
      if (jobs.replace(candidate.getKey(), candidate.getValue(), encode(entry.claimedBy(runnerId, now + lease.toMillis())))) {
        return Optional.of(entry.job());
      }
    }
    return Optional.empty();
  }

  /** Extends this runner's lease on a job; false when the job is no longer this runner's. */
  public boolean renew(String submissionId, String runnerId, long now) {
    return update(submissionId, e -> e.state() == JobState.CLAIMED && runnerId.equals(e.runner())
        ? e.renewed(now + lease.toMillis()) : null);
  }

  /** True while this runner holds the job's lease: only its verdict counts. */
  public boolean isHeldBy(String submissionId, String runnerId) {
    var value = jobs.get(submissionId);
    return value != null && runnerId.equals(decode(value).runner());
  }

  /**
   * Queues again every job whose lease ran out, as when its runner died. A job that has already
   * been claimed {@code maxAttempts} times is taken out of the table and returned instead, for a
   * human to look at: it keeps killing runners.
   */
  public List<Job> requeueExpired(long now, int maxAttempts) {
    var givenUp = new ArrayList<Job>();
    for (Map.Entry<String, HazelcastJsonValue> claimed : jobs.entrySet(Predicates.equal("state", JobState.CLAIMED.name()))) {
      var entry = decode(claimed.getValue());
      if (entry.leaseUntil() >= now) {
        continue;
      }
      if (entry.attempts() >= maxAttempts) {
        if (jobs.remove(claimed.getKey(), claimed.getValue())) {
          givenUp.add(entry.job());
        }
      } else {
        jobs.replace(claimed.getKey(), claimed.getValue(), encode(entry.requeued()));
      }
    }
    return givenUp;
  }

  /** Removes a job whose verdict the platform has recorded. */
  public void complete(String submissionId) {
    jobs.delete(submissionId);
  }

  /** Applies a change to one entry by compare-and-set, retrying on contention; null from the change means no change. */
  private boolean update(String submissionId, UnaryOperator<JobEntry> change) {
    while (true) {
      var current = jobs.get(submissionId);
      if (current == null) {
        return false;
      }
      var changed = change.apply(decode(current));
      if (changed == null) {
        return false;
      }
      if (jobs.replace(submissionId, current, encode(changed))) {
        return true;
      }
    }
  }

  private static HazelcastJsonValue encode(JobEntry entry) {
    return new HazelcastJsonValue(JsonObject.mapFrom(entry).encode());
  }

  private static JobEntry decode(HazelcastJsonValue value) {
    return new JsonObject(value.getValue()).mapTo(JobEntry.class);
  }
}
