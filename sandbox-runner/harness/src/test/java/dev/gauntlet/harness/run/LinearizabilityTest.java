package dev.gauntlet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LinearizabilityTest {
  /** A register: what the reference is replayed on. */
  public static final class Register {
    private int value;

    public synchronized Object write(int v) {
      value = v;
      return "ok";
    }

    public synchronized int read() {
      return value;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Workload<Object> REGISTERS = (Workload) new Workload<Register>() {
    @Override
    public Class<Register> api() {
      return Register.class;
    }

    @Override
    public Register create(Class<? extends Register> implementation) throws ReflectiveOperationException {
      return implementation.getConstructor().newInstance();
    }

    @Override
    public Call<Register> call(SplittableRandom random) {
      throw new UnsupportedOperationException("the tests write their histories by hand");
    }

    @Override
    public Object stress(Register target, int thread, SplittableRandom random, int operations) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String verify(Register target, List<Object> tallies) {
      throw new UnsupportedOperationException();
    }
  };

  private final Linearizability check = new Linearizability(REGISTERS, Register.class);

  private static Linearizability.Entry write(int value, long invoke, long ret) {
    return new Linearizability.Entry(new Call<>("write(" + value + ")", r -> ((Register) r).write(value)), invoke, ret,
        "ok");
  }

  private static Linearizability.Entry read(String result, long invoke, long ret) {
    return new Linearizability.Entry(new Call<>("read()", r -> ((Register) r).read()), invoke, ret, result);
  }

  @Test
  void aReadOverlappingAWriteMaySeeEitherValue() throws Failure {
    for (String seen : List.of("0", "1")) {
      assertThat(check.holds(List.of(List.of(write(1, 10, 20)), List.of(read(seen, 15, 25))))).as(seen).isTrue();
    }
  }

  @Test
  void aReadAfterAWriteReturnedMustSeeIt() throws Failure {
    assertThat(check.holds(List.of(List.of(write(1, 10, 20)), List.of(read("0", 21, 30))))).isFalse();
    assertThat(check.holds(List.of(List.of(write(1, 10, 20)), List.of(read("1", 21, 30))))).isTrue();
  }

  @Test
  void aCallMayTakeEffectAfterOneThatStartedLater() throws Failure {
    // write(1) started first but is still running when write(2) returns, so it may come second.
    var history = List.of(List.of(write(1, 0, 100)), List.of(write(2, 10, 20), read("1", 30, 40)));
    assertThat(check.holds(history)).isTrue();
  }

  @Test
  void callsThatDidNotOverlapKeepTheirOrder() throws Failure {
    var history = List.of(List.of(write(1, 0, 10)), List.of(write(2, 20, 30)), List.of(read("1", 40, 50)));
    assertThat(check.holds(history)).isFalse();
  }

  @Test
  void aValueNobodyWroteIsNeverExplained() throws Failure {
    assertThat(check.holds(List.of(List.of(write(1, 0, 100)), List.of(write(2, 0, 100)),
        List.of(read("3", 0, 100))))).isFalse();
  }

  @Test
  void describesTheHistoryThreadByThread() {
    assertThat(Linearizability.describe(List.of(List.of(write(1, 0, 1)), List.of(read("0", 0, 1)))))
        .isEqualTo("\n  thread 1: write(1) → ok;\n  thread 2: read() → 0;");
  }
}
