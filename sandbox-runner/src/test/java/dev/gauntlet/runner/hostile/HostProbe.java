package dev.gauntlet.runner.hostile;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** What hostile-program tests look at on the host: its processes, and a listener that counts who reached it. */
public final class HostProbe {
  private HostProbe() {
  }

  /**
   * Where a program in a sandbox might find the host: loopback, the default bridge's gateway, and
   * the host's own first IPv4 address. All on this machine.
   */
  public static List<String> addressesToTry() throws IOException {
    var addresses = new ArrayList<String>(List.of("127.0.0.1", "172.17.0.1"));
    NetworkInterface.networkInterfaces()
        .filter(n -> !n.getName().equals("lo") && !n.getName().startsWith("docker") && !n.getName().startsWith("veth"))
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address)
        .map(InetAddress::getHostAddress)
        .findFirst()
        .ifPresent(addresses::add);
    return addresses;
  }

  public static String pythonList(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").toList().toString();
  }

  /** Host processes whose command line matches, as {@code pid: command line}. */
  public static List<String> processes(Predicate<String> commandLine) throws IOException {
    return processes(commandLine, Set.of());
  }

  /** The same, leaving out the processes of the given containers (a warm pool's idle ones). */
  public static List<String> processes(Predicate<String> commandLine, Set<String> exceptContainers) throws IOException {
    var found = new ArrayList<String>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
          if (commandLine.test(cmdline) && !inAny(proc, exceptContainers)) {
            found.add(proc.getFileName() + ": " + cmdline);
          }
        } catch (IOException gone) {
          // the process ended while we looked
        }
      }
    }
    return found;
  }

  private static boolean inAny(Path proc, Set<String> containers) throws IOException {
    if (containers.isEmpty()) {
      return false;
    }
    // The engine names each container's control group after the container's id.
    String cgroups = Files.readString(proc.resolve("cgroup"));
    return containers.stream().anyMatch(cgroups::contains);
  }

  /** A TCP listener on every address of this machine that counts the connections it accepts. */
  public static final class Listener implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();

    public Listener() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
      socket.setSoTimeout(500);
      Thread.ofVirtual().start(this::acceptUntilClosed);
    }

    public int port() {
      return socket.getLocalPort();
    }

    public int accepted() {
      return accepted.get();
    }

    private void acceptUntilClosed() {
      while (!socket.isClosed()) {
        try {
          socket.accept().close();
          accepted.incrementAndGet();
        } catch (SocketTimeoutException idle) {
          // poll again until closed
        } catch (IOException closed) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
