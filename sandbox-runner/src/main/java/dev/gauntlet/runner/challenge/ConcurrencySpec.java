package dev.gauntlet.runner.challenge;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a concurrency package is judged, from {@code concurrency:} in the manifest.
 *
 * @param api            the interface candidates implement, by its full name, in a named package. Its
 *                       package's files in the starter (the interface and whatever it uses) are the
 *                       challenge's API: the judge always builds with those copies
 * @param implementation the class candidates write, in the unnamed package: {@code <implementation>.java}
 *                       is the file every submission must hold
 * @param workload       the hidden workload, by its full name, among the sources under {@code tests/java};
 *                       in a package of its own, which the module does not export
 * @param threads        threads of a stress run; 4 when absent
 * @param operations     calls each thread makes in one stress run; 100,000 when absent
 */
public record ConcurrencySpec(String api, String implementation, String workload, Integer threads,
                              Integer operations) {
  private static final Pattern QUALIFIED = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.[A-Z][A-Za-z0-9_]*");
  private static final Pattern SIMPLE = Pattern.compile("[A-Z][A-Za-z0-9_]*");

  public ConcurrencySpec {
    if (api == null || !QUALIFIED.matcher(api).matches()) {
      throw new IllegalArgumentException("api must name an interface in a package, such as bank.Bank, was " + api);
    }
    if (workload == null || !QUALIFIED.matcher(workload).matches()) {
      throw new IllegalArgumentException("workload must name a class in a package, such as bank.workload.BankWorkload,"
          + " was " + workload);
    }
    if (implementation == null || !SIMPLE.matcher(implementation).matches()) {
      // The interface's package belongs to the workload's module at run time: a class of the
      // candidate's in it would not be seen.
      throw new IllegalArgumentException("implementation must name a class in no package, such as ConcurrentBank,"
          + " was " + implementation);
    }
    if (packageOf(workload).equals(packageOf(api))) {
      throw new IllegalArgumentException("workload must be in another package than api (such as "
          + packageOf(api) + ".workload): the api's package is exported to candidates' classes, and the workload"
          + " is hidden");
    }
    threads = threads == null ? 4 : threads;
    operations = operations == null ? 100_000 : operations;
    ManifestChecks.inRange("threads", threads, 2, 16);
    ManifestChecks.inRange("operations", operations, 1, 10_000_000);
  }

  /** Where a package holds a class's source: {@code bank.Bank} is {@code bank/Bank.java}. */
  public static String sourcePath(String qualifiedName) {
    return qualifiedName.replace('.', '/') + ".java";
  }

  public String apiPackage() {
    return packageOf(api);
  }

  private static String packageOf(String qualifiedName) {
    return qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
  }

  /** The starter's files that are the challenge's API: those of the interface's package. */
  public Map<String, String> apiFiles(Map<String, String> starter) {
    var files = new TreeMap<String, String>();
    starter.forEach((path, text) -> {
      if (inApiPackage(path)) {
        files.put(path, text);
      }
    });
    return files;
  }

  /** Whether a source file, by its path, is in the interface's package (not in one below it). */
  public boolean inApiPackage(String path) {
    String folder = apiPackage().replace('.', '/') + "/";
    return path.startsWith(folder) && path.indexOf('/', folder.length()) < 0;
  }
}
