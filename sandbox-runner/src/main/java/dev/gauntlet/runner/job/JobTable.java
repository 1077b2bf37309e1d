package dev.gauntlet.runner.job;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicates;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The cluster's job table: a Hazelcast map from job id to {@link JobEntry}, stored as JSON so
 * that members query it by state without sharing classes. Every change is a compare-and-set on the
 * entry, so two runners never take the same job. A claimed job carries a lease its runner renews;
 * when the lease runs out the job is queued again. Calls block: use them off the event loop.
 */
public final class JobTable {
  public static final String MAP_NAME = "gauntlet.jobs";
  /** Published when a job is queued, so idle runners look at once instead of at their next poll. */
  public static final String JOBS_QUEUED_ADDRESS = "gauntlet.jobs.queued";
  /** When each queue last had a job claimed, in cluster time. */
  public static final String SERVED_MAP_NAME = "gauntlet.jobs.served";

  private final HazelcastInstance hazelcast;
  private final IMap<String, HazelcastJsonValue> jobs;
  private final IMap<String, Long> served;
  private final Duration lease;

  public JobTable(HazelcastInstance hazelcast, Duration lease) {
    this.hazelcast = hazelcast;
    this.jobs = hazelcast.getMap(MAP_NAME);
    this.served = hazelcast.getMap(SERVED_MAP_NAME);
    this.lease = lease;
  }

  /** The cluster's time, the same on every member: leases are set on runners and checked on platforms. */
  public long now() {
    return hazelcast.getCluster().getClusterTime();
  }

  /** Queues a job unless one with the same id is already in the table. */
  public boolean enqueue(Job job, long now) {
    return jobs.putIfAbsent(job.id(), encode(JobEntry.queued(job, now))) == null;
  }

  /**
   * Takes a queued job for this runner, with a fresh lease, if any is left. Queues take turns: the
   * next job is the oldest of the queue with the fewest jobs being judged, and among those, of the
   * queue served longest ago. So a queue's long batch lets another queue's single job go next, even
   * with one runner slot in the whole cluster, where no queue ever has a job being judged when
   * the next is chosen. Only ids, states, times and queues cross the network to choose, not the
   * jobs' files.
   */
  public Optional<Claim> claimNext(String runnerId, long now) {
    // One query for the queued and the busy both: each query is a round trip to every member.
    Collection<Object[]> rows = jobs.project(Projections.<Map.Entry<String, HazelcastJsonValue>>multiAttribute(
        "__key", "state", "enqueuedAt", "job.queue"));
    var busy = new HashMap<String, Integer>();
    var waiting = new HashSet<String>();
    for (Object[] row : rows) {
      if (JobState.CLAIMED.name().equals(row[1])) {
        busy.merge(String.valueOf(row[3]), 1, Integer::sum);
      } else {
        waiting.add(String.valueOf(row[3]));
      }
    }
    Map<String, Long> lastServed = waiting.isEmpty() ? Map.of() : served.getAll(waiting);
    // A row read while its entry is being replaced can lack the time (the JSON metadata lags the
    // value): it goes last, and the entry itself, read next, says whether it is still queued.
    var fairestFirst = rows.stream().filter(row -> JobState.QUEUED.name().equals(row[1]))
        .sorted(Comparator.<Object[]>comparingInt(row -> busy.getOrDefault(String.valueOf(row[3]), 0))
            .thenComparingLong(row -> lastServed.getOrDefault(String.valueOf(row[3]), Long.MIN_VALUE))
            .thenComparingLong(row -> row[2] instanceof Number at ? at.longValue() : Long.MAX_VALUE))
        .map(row -> (String) row[0]).toList();
    for (String id : fairestFirst) {
      var current = jobs.get(id);
      if (current == null || decode(current).state() != JobState.QUEUED) {
        continue;
      }
      var claimed = decode(current).claimedBy(runnerId, now + lease.toMillis());
      if (jobs.replace(id, current, encode(claimed))) {
        served.set(claimed.job().queue(), now);
        return Optional.of(new Claim(claimed.job(), new Lease(id, runnerId, claimed.attempts())));
      }
    }
    return Optional.empty();
  }

  /** Extends a lease that has not run out; false when the job is no longer held under it. */
  public boolean renew(Lease held, long now) {
    return update(held.jobId(), e -> held.matches(e) && e.leaseUntil() >= now
        ? e.renewed(now + lease.toMillis()) : null);
  }

  /** Hands a job back to the queue at once, as a runner that stops does with what it could not finish. */
  public boolean release(Lease held) {
    return update(held.jobId(), e -> held.matches(e) ? e.requeued() : null);
  }

  /** True while the lease is the job's current one: only a verdict sent under it counts. */
  public boolean isHeld(Lease held) {
    var value = jobs.get(held.jobId());
    return value != null && held.matches(decode(value));
  }

  /** The ids of every job in the table, queued or claimed. */
  public Set<String> ids() {
    return Set.copyOf(jobs.keySet());
  }

  /**
   * Queues again every job whose lease ran out, as when its runner died. A job that has already
   * been claimed {@code maxAttempts} times keeps killing runners: it is handed to {@code giveUp}
   * (to record that for a human) and only then taken out of the table, so that a failure to record
   * leaves it for the next round. Returns how many jobs went back to the queue.
   */
  public int requeueExpired(long now, int maxAttempts, Consumer<Job> giveUp) {
    int requeued = 0;
    for (Map.Entry<String, HazelcastJsonValue> claimed : jobs.entrySet(Predicates.equal("state", JobState.CLAIMED.name()))) {
      var entry = decode(claimed.getValue());
      if (entry.leaseUntil() >= now) {
        continue;
      }
      if (entry.attempts() >= maxAttempts) {
        giveUp.accept(entry.job());
        jobs.remove(claimed.getKey(), claimed.getValue());
      } else {
        requeued += jobs.replace(claimed.getKey(), claimed.getValue(), encode(entry.requeued())) ? 1 : 0;
      }
    }
    return requeued;
  }

  /** Queues again every job the runner holds, as when it left the cluster; returns how many. */
  public int requeueHeldBy(String runnerId) {
    int requeued = 0;
    for (Map.Entry<String, HazelcastJsonValue> claimed : jobs.entrySet(Predicates.equal("runner", runnerId))) {
      var entry = decode(claimed.getValue());
      if (entry.state() == JobState.CLAIMED) {
        requeued += jobs.replace(claimed.getKey(), claimed.getValue(), encode(entry.requeued())) ? 1 : 0;
      }
    }
    return requeued;
  }

  /** Removes a job whose verdict is recorded, if it is still held under this lease. */
  public boolean complete(Lease held) {
    var value = jobs.get(held.jobId());
    return value != null && held.matches(decode(value)) && jobs.remove(held.jobId(), value);
  }

  /** Applies a change to one entry by compare-and-set, retrying on contention; null from the change means no change. */
  private boolean update(String jobId, UnaryOperator<JobEntry> change) {
    while (true) {
      var current = jobs.get(jobId);
      if (current == null) {
        return false;
      }
      var changed = change.apply(decode(current));
      if (changed == null) {
        return false;
      }
      if (jobs.replace(jobId, current, encode(changed))) {
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
