package dev.gauntlet.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.Permission;
import java.security.Policy;
import java.security.ProtectionDomain;
import java.util.stream.Stream;

/**
 * What the harness does, after it holds its key and before the first class of the candidate loads,
 * so that the class can neither read the key nor change what judges it:
 * <ul>
 *   <li>every class of the harness and of the workload is loaded now: their files are the
 *       candidate's user's, and a class read later could have been rewritten by then;</li>
 *   <li>the class under test comes from a class loader of its own, not the class path, so nothing
 *       the JDK looks up by name on the class path (a security provider, say) is the candidate's;</li>
 *   <li>a security manager gives that loader's code no permission at all: no file, no process, no
 *       class loader or native library of its own, no provider, no exit, no reflection past
 *       access checks. Everything else keeps every permission. JDK 21, which the harness runs on,
 *       still enforces it; it is the only barrier inside a JVM against code loaded into it.</li>
 * </ul>
 */
final class Confinement {
  private Confinement() {
  }

  /** Loads every class of the modules {@code classes} belong to. */
  static void preload(Class<?>... classes) {
    for (Class<?> member : classes) {
      Module module = member.getModule();
      var reference = module.getLayer().configuration().findModule(module.getName()).orElseThrow().reference();
      try (ModuleReader reader = reference.open(); Stream<String> entries = reader.list()) {
        entries.filter(entry -> entry.endsWith(".class") && !entry.endsWith("module-info.class"))
            .forEach(entry -> Class.forName(module, entry.substring(0, entry.length() - ".class".length())
                .replace('/', '.')));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The loader of the class under test, over the folder of its class files. */
  static ClassLoader loaderOf(Path classes) {
    try {
      return new URLClassLoader("class-under-test", new URL[] {classes.toUri().toURL()},
          ClassLoader.getSystemClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(classes + " is not a folder of classes", e);
    }
  }

  /** From now on, code that {@code loader} defined has no permission. */
  @SuppressWarnings("removal")
  static void withhold(ClassLoader loader) {
    Policy.setPolicy(new Policy() {
      @Override
      public boolean implies(ProtectionDomain domain, Permission permission) {
        return domain.getClassLoader() != loader;
      }
    });
    System.setSecurityManager(new SecurityManager());
  }
}
