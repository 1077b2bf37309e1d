package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.hostile.HostProbe;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile submissions through the whole platform. Each must get its expected verdict and leave the
 * host as it was: the platform answers, no container or sandboxed process is left, the host's disk
 * and files are unchanged, and no connection reached a listener the test started on this machine.
 *
 * <p>Programs that probe the sandbox exit with status 42 when an attack worked, so a breach shows as
 * {@code RUNTIME_ERROR}; a contained probe prints nothing and gets {@code WRONG_ANSWER}.
 */
@DisplayName("Attack suite: hostile submissions are contained")
class AttackSuiteIT {
  @RegisterExtension
  static final RunningPlatform PLATFORM = new RunningPlatform();
  private static final List<Path> HOST_FILES = List.of(Path.of("/etc/passwd"), Path.of("/etc/hosts"),
      Path.of("/etc/group"), ApiClient.CATALOG.resolve("merge-event-streams/challenge.yaml"));
  private static final String CHALLENGE = "merge-event-streams";

  private static HostProbe.Listener listener;
  private static Map<Path, String> filesBefore;
  private static long freeBefore;

  private final ApiClient api = PLATFORM.api();

  record Attack(String name, String language, Map<String, String> files, String verdict) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void snapshotHost() throws Exception {
    listener = new HostProbe.Listener();
    filesBefore = hashes();
    freeBefore = Files.getFileStore(Path.of("/")).getUsableSpace();
  }

  @AfterAll
  static void closeListener() throws IOException {
    listener.close();
  }

  static Stream<Attack> attacks() throws IOException {
    String targets = targets();
    return Stream.of(
        python("fork bomb", "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n", "TIME_LIMIT"),
        java("thread bomb", """
            while (true) { Thread t = new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } });
              t.start(); }""", "TIME_LIMIT"),
        java("heap bomb", """
            java.util.List<long[]> keep = new java.util.ArrayList<>();
            while (true) { keep.add(new long[1 << 20]); }""", "MEMORY_LIMIT"),
        java("direct-memory bomb", """
            java.util.List<java.nio.ByteBuffer> keep = new java.util.ArrayList<>();
            while (true) { keep.add(java.nio.ByteBuffer.allocateDirect(16 << 20)); }""", "MEMORY_LIMIT"),
        python("tmpfs bomb", fill("/sandbox/fill"), "WRONG_ANSWER"),
        python("/dev/shm bomb", fill("/dev/shm/fill"), "WRONG_ANSWER"),
        python("/tmp bomb", fill("/tmp/fill"), "WRONG_ANSWER"),
        python("inode exhaustion", """
            import os
            try:
                for i in range(200000):
                    open('/sandbox/f%d' % i, 'w').close()
                raise SystemExit(42)
            except OSError:
                pass
            """, "WRONG_ANSWER"),
        python("stdout flood", "while True:\n    print('x' * 1000)\n", "OUTPUT_LIMIT"),
        python("stderr flood", "import sys\nwhile True:\n    sys.stderr.write('e' * 4096)\n", "TIME_LIMIT"),
        python("egress to listeners on this machine, the bridge gateway, the platform and Hazelcast", """
            import socket
            for host, port in %s:
                s = socket.socket()
                s.settimeout(1)
                try:
                    s.connect((host, port))
                    raise SystemExit(42)
                except OSError:
                    pass
            """.formatted(targets), "WRONG_ANSWER"),
        python("name lookup", """
            import socket
            try:
                socket.getaddrinfo('gauntlet-attack.invalid', 80)
                raise SystemExit(42)
            except OSError:
                pass
            """, "WRONG_ANSWER"),
        python("reading /proc/1/environ", """
            try:
                env = open('/proc/1/environ', 'rb').read()
            except OSError:
                env = b''
            import os, re
            if re.search(rb'(?i)secret|token|password|docker_host', env + b'\\0'.join(k.encode() for k in os.environ)):
                raise SystemExit(42)
            """, "WRONG_ANSWER"),
        python("looking for the host's mounts and the Docker socket", """
            import os
            for line in open('/proc/self/mountinfo'):
                root = line.split()[3]  # what of the host's file systems this mount shows
                if root.startswith(('%s', '/root', '/home', '/etc', '/run')) or 'docker.sock' in root:
                    raise SystemExit(42)
            for sock in ('/var/run/docker.sock', '/run/docker.sock', '/run/containerd/containerd.sock'):
                if os.path.exists(sock):
                    raise SystemExit(42)
            """.formatted(ApiClient.CATALOG.getParent()), "WRONG_ANSWER"),
        python("mount, through the setuid mount binary", """
            import subprocess
            r = subprocess.run(['mount', '-t', 'tmpfs', 'none', '/sandbox'], capture_output=True)
            if r.returncode == 0:
                raise SystemExit(42)
            """, "WRONG_ANSWER"),
        python("unshare into new namespaces", """
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            for flags in (0x10000000, 0x00020000, 0x40000000):  # user, mount, network namespaces
                if libc.unshare(flags) == 0:
                    raise SystemExit(42)
            """, "WRONG_ANSWER"),
        python("setuid binaries do not raise privileges", """
            import os, subprocess
            setuid = [os.path.join(d, f) for d in ('/bin', '/usr/bin', '/sbin', '/usr/sbin')
                      for f in (os.listdir(d) if os.path.isdir(d) else [])
                      if os.path.isfile(os.path.join(d, f)) and os.stat(os.path.join(d, f)).st_mode & 0o4000]
            for path in setuid:
                try:
                    r = subprocess.run([path, '--help'], capture_output=True, timeout=1, stdin=subprocess.DEVNULL)
                except Exception:
                    continue
            if os.geteuid() == 0 or open('/proc/self/status').read().count('NoNewPrivs:\\t1') != 1:
                raise SystemExit(42)
            """, "WRONG_ANSWER"),
        python("no process outside the sandbox to ptrace or signal", """
            import os
            for pid in filter(str.isdigit, os.listdir('/proc')):
                try:
                    cmd = open('/proc/%s/cmdline' % pid, 'rb').read()
                except OSError:
                    continue
                if any(word in cmd for word in (b'dockerd', b'containerd', b'java', b'systemd')):
                    raise SystemExit(42)
            """, "WRONG_ANSWER"),
        python("ptrace finds nothing more privileged than itself to attach to", """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            for pid in filter(str.isdigit, os.listdir('/proc')):
                try:
                    status = open('/proc/%s/status' % pid).read()
                except OSError:
                    continue
                uid = status.split('Uid:')[1].split()[0]
                caps = status.split('CapEff:')[1].split()[0]
                if uid != str(os.getuid()) or int(caps, 16) != 0:
                    if libc.ptrace(16, int(pid), 0, 0) == 0:  # PTRACE_ATTACH
                        raise SystemExit(42)
                    raise SystemExit(43)  # a privileged process is in sight at all
            """, "WRONG_ANSWER"),
        python("sleeping", "import time\ntime.sleep(100)\n", "TIME_LIMIT"),
        python("daemonised child", """
            import os, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    os.execvp('sleep', ['sleep', '300'])
                os._exit(0)
            time.sleep(0.2)
            """, "WRONG_ANSWER"),
        python("killing every process it can see", "import os, signal\nos.kill(-1, signal.SIGKILL)\n", "RUNTIME_ERROR"),
        new Attack("a submitted compileall.py that would loop in the build, reading host files", "python", Map.of(
            "main.py", "pass\n",
            "compileall.py", "for f in ('/etc/shadow', '/proc/1/environ'):\n    open(f).read()\nwhile True:\n    pass\n"),
            "WRONG_ANSWER"),
        python("a build bomb of nested brackets", "x = " + "[".repeat(5000) + "]".repeat(5000) + "\n", "BUILD_ERROR"),
        python("reading the image's shadow file", """
            try:
                open('/etc/shadow').read()
                raise SystemExit(42)
            except OSError:
                pass
            """, "WRONG_ANSWER"),
        python("writing outside its scratch space", """
            for path in ('/etc/passwd', '/usr/bin/python3', '/gauntlet', '/sandbox/../etc/x'):
                try:
                    open(path, 'a').write('x')
                    raise SystemExit(42)
                except OSError:
                    pass
            """, "WRONG_ANSWER"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  @DisplayName("is contained, gets its verdict, and leaves the host unharmed")
  void contained(Attack attack) throws Exception {
    var judged = api.awaitJudged(api.submit(CHALLENGE, attack.language(), attack.files()));

    assertThat(judged.getString("verdict")).as(judged.encodePrettily()).isEqualTo(attack.verdict());
    assertHostUnharmed();
  }

  @Test
  @DisplayName("file names that climb out, are absolute or hold odd bytes never reach a sandbox")
  void fileNames() throws Exception {
    for (String name : List.of("../main.py", "/etc/cron.d/main.py", "src/../../main.py", "ma\u0000in.py", "mäin.py", "a b.py")) {
      var response = api.post("/api/v1/submissions", "application/json", new JsonObject()
          .put("challenge", CHALLENGE).put("language", "python")
          .put("files", new JsonObject().put("main.py", "print(1)").put(name, "x")).encode());
      assertThat(response.statusCode()).as(name).isEqualTo(422);
    }
    assertHostUnharmed();
  }

  private void assertHostUnharmed() throws Exception {
    assertThat(api.get("/api/v1/challenges").statusCode()).isEqualTo(200);
    assertThat(strayContainers()).isZero();
    assertThat(sandboxedProcesses()).isEmpty();
    assertThat(hashes()).isEqualTo(filesBefore);
    assertThat(freeBefore - Files.getFileStore(Path.of("/")).getUsableSpace()).isLessThan(64L << 20);
    assertThat(listener.accepted()).isZero();
  }

  private static Attack python(String name, String source, String verdict) {
    return new Attack(name, "python", Map.of("main.py", source), verdict);
  }

  private static Attack java(String name, String body, String verdict) {
    return new Attack(name, "java", Map.of("Main.java", "public class Main {\n  public static void main(String[] args)"
        + " throws Exception {\n" + body + "\n  }\n}\n"), verdict);
  }

  private static String fill(String file) {
    return """
        try:
            with open('%s', 'wb') as f:
                for i in range(1024):
                    f.write(b'x' * (1 << 20))
                    f.flush()
            raise SystemExit(42)
        except OSError:
            pass
        """.formatted(file);
  }

  /** Python list of (host, port): the test's listener on every address of this machine, the platform, Hazelcast. */
  private static String targets() throws IOException {
    var hosts = new ArrayList<String>();
    NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address).map(InetAddress::getHostAddress).forEach(hosts::add);
    var pairs = new ArrayList<String>();
    for (String host : hosts) {
      for (int port : new int[] {listener.port(), PLATFORM.port(), 5701, 5702}) {
        pairs.add("('" + host + "', " + port + ")");
      }
    }
    return pairs.toString();
  }

  private static Map<Path, String> hashes() throws Exception {
    var hashes = new LinkedHashMap<Path, String>();
    for (Path file : HOST_FILES) {
      hashes.put(file, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
    }
    return hashes;
  }

  /** Sandbox containers other than the warm pool's idle ones: none may outlive its run. */
  private static long strayContainers() throws Exception {
    return settled(() -> DockerFixture.strayContainers(PLATFORM.idleSandboxes()), stray -> stray == 0);
  }

  /** Host processes that run sandboxed programs, other than idle warm containers waiting: none may outlive their run. */
  private static List<String> sandboxedProcesses() throws Exception {
    return settled(() -> HostProbe.processes(cmdline -> cmdline.contains("/sandbox/") || cmdline.startsWith("sleep 300"),
        PLATFORM.idleSandboxes()), List::isEmpty);
  }

  /**
   * Looks until the host is clean, for up to 2 s. The warm pool refills in the background, so a
   * container it is starting right now gets a moment to join the idle set; a real stray stays.
   */
  private static <T> T settled(Callable<T> look, Predicate<T> clean) throws Exception {
    T seen = look.call();
    for (int i = 0; i < 20 && !clean.test(seen); i++) {
      Thread.sleep(100);
      seen = look.call();
    }
    return seen;
  }
}
