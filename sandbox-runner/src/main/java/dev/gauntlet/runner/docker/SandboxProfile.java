package dev.gauntlet.runner.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides how a container running candidate code is confined. Every
 * sandbox, build or test run, service or the probe beside it, gets exactly this profile; only the
 * numbers change, and whether it joins the loopback of one other sandbox.
 */
public final class SandboxProfile {
  public static final String USER = "10001:10001";
  public static final String LABEL = "dev.gauntlet.sandbox";
  /**
   * An image label: runtimes whose programs are native binaries (Go) must execute what their build
   * wrote, so their scratch space is mounted without {@code noexec}.
   */
  public static final String SCRATCH_EXEC_LABEL = "dev.gauntlet.scratch-exec";
  static final String ROOT = "/sandbox";
  private static final long OPEN_FILES = 256;
  private static final int INODES = 8192;
  /** /dev/shm is memory too; a small one leaves the memory limit to the program. */
  private static final long SHM_BYTES = 16L << 20;

  private SandboxProfile() {
  }

  /**
   * The program's environment. Go before 1.25 sizes its scheduler by the host's CPUs, not the
   * sandbox's quota, and runs more threads than the quota lets run at once: a Go service probed
   * that way settled at one of two latency levels, 25% apart, from one probe to the next.
   */
  static List<String> environment(ContainerShape shape) {
    return List.of("LANG=C.UTF-8", "HOME=" + ROOT, "GOMAXPROCS=" + Math.max(1, (int) Math.ceil(shape.cpus())));
  }

  static HostConfig hostConfig(ContainerShape shape, boolean scratchExec) {
    return HostConfig.newHostConfig()
        .withNetworkMode(shape.networkMode())
        .withMemory(shape.memoryBytes())
        .withMemorySwap(shape.memoryBytes())
        .withNanoCPUs((long) (shape.cpus() * 1_000_000_000L))
        .withPidsLimit(shape.pids())
        .withReadonlyRootfs(true)
        .withTmpFs(Map.of(
            // Inodes are capped too: empty files cost no bytes but still cost kernel memory.
            ROOT, "rw," + (scratchExec ? "exec" : "noexec") + ",nosuid,nodev,size=" + shape.scratchMb() + "m,nr_inodes=" + INODES
                + ",uid=10001,gid=10001,mode=0700",
            "/tmp", "rw,noexec,nosuid,nodev,size=16m,nr_inodes=1024,mode=1777"))
        .withShmSize(SHM_BYTES)
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withInit(true)
        .withUlimits(List.of(
            new Ulimit("nofile", OPEN_FILES, OPEN_FILES),
            new Ulimit("fsize", shape.fileBytes(), shape.fileBytes()),
            new Ulimit("core", 0L, 0L)))
        .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE, null))
        .withIpcMode("private");
  }
}
