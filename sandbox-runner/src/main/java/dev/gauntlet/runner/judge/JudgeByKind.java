package dev.gauntlet.runner.judge;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.concurrency.ConcurrencyJudge;
import dev.gauntlet.runner.judge.http.HttpServiceJudge;
import dev.gauntlet.runner.judge.sql.SqlJudge;
import dev.gauntlet.runner.judge.stdio.StdioJudge;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import java.util.EnumMap;
import java.util.Map;

/** Judges each package with the judge of its kind. */
public final class JudgeByKind implements Judge {
  private final Map<JudgeKind, Judge> judges = new EnumMap<>(JudgeKind.class);

  public JudgeByKind(Sandbox sandbox) {
    judges.put(JudgeKind.STDIO, new StdioJudge(sandbox));
    judges.put(JudgeKind.HTTP_SERVICE, new HttpServiceJudge(sandbox));
    judges.put(JudgeKind.SQL, new SqlJudge(sandbox));
    judges.put(JudgeKind.CONCURRENCY, new ConcurrencyJudge(sandbox));
  }

  @Override
  public JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress) {
    return judges.get(pkg.manifest().kind()).judge(pkg, submission, progress);
  }

  @Override
  public JudgeResult judgeReference(ChallengePackage pkg, Language language) {
    return judges.get(pkg.manifest().kind()).judgeReference(pkg, language);
  }
}
