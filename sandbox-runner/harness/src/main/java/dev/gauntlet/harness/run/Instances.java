package dev.gauntlet.harness.run;

import dev.gauntlet.harness.api.Workload;
import dev.gauntlet.harness.protocol.ProblemKind;
import java.lang.reflect.InvocationTargetException;

/** Making the class under test through the workload, with what goes wrong put as the candidate reads it. */
final class Instances {
  private Instances() {
  }

  static Object create(Workload<Object> workload, Class<?> implementation) throws Failure {
    return make(() -> workload.create(implementation), implementation);
  }

  static Object createForStress(Workload<Object> workload, Class<?> implementation) throws Failure {
    return make(() -> workload.createForStress(implementation), implementation);
  }

  @FunctionalInterface
  private interface Maker {
    Object make() throws ReflectiveOperationException;
  }

  private static Object make(Maker maker, Class<?> implementation) throws Failure {
    try {
      return maker.make();
    } catch (InvocationTargetException e) {
      throw new Failure(ProblemKind.THREW, "the constructor of " + implementation.getName() + " threw "
          + Workers.describe(e.getCause()));
    } catch (ReflectiveOperationException e) {
      throw new Failure(ProblemKind.SETUP, implementation.getName() + " cannot be made as the statement says: " + e);
    } catch (RuntimeException | Error e) {
      throw new Failure(ProblemKind.THREW, "making " + implementation.getName() + " threw " + Workers.describe(e));
    }
  }
}
