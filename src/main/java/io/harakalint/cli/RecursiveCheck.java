package io.harakalint.cli;

import io.harakalint.load.TreeFinder;
import io.harakalint.load.UserError;
import io.harakalint.report.JsonLinesReporter;
import io.harakalint.report.LintReport;
import io.harakalint.report.Reporter;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code check --recursive}: every Haraka tree below the given folders, linted concurrently (one
 * worker per core) while the walk goes on, each tree's output written as soon as it is done. Memory
 * stays bounded whatever the number of trees: at most a few trees per worker are in flight (the
 * walk waits for a free slot), and a tree's report is dropped once written; only counts are kept.
 * Trees finish in any order, so the output is in completion order, each line or block naming its tree.
 */
final class RecursiveCheck {
  /** The totals of a run, for the summary line and the exit code. */
  record Totals(long trees, long findings, long errors, long failing, long millis) {}

  private final LintPipeline pipeline;
  private final Reporter reporter;
  private final boolean jsonLines;
  private final Severity threshold;
  private final int workers;

  RecursiveCheck(LintPipeline pipeline, Reporter reporter, boolean jsonLines, Severity threshold, int workers) {
    this.pipeline = pipeline;
    this.reporter = reporter;
    this.jsonLines = jsonLines;
    this.threshold = threshold;
    this.workers = workers;
  }

  Totals run(List<Path> tops, Writer out) {
    long start = System.nanoTime();
    AtomicLong trees = new AtomicLong();
    AtomicLong findings = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong failing = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<RuntimeException> writeFailure = new java.util.concurrent.atomic.AtomicReference<>();
    Semaphore inFlight = new Semaphore(workers * 4);
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "haraka-lint-worker");
      t.setDaemon(true);
      return t;
    });
    Consumer<Path> lintOne = dir -> {
      String chunk;
      try {
        LintReport report = pipeline.run(dir.toString());
        trees.incrementAndGet();
        findings.addAndGet(report.findings().size());
        if (report.failsAt(threshold)) failing.incrementAndGet();
        chunk = render(report);
      } catch (RuntimeException e) {
        // One broken tree must not stop a nightly run over thousands: it is reported and counted.
        trees.incrementAndGet();
        errors.incrementAndGet();
        String why = e instanceof UserError ? e.getMessage() : "internal error: " + e.getClass().getSimpleName();
        chunk = jsonLines ? JsonLinesReporter.errorLine(dir.toString(), why) : "haraka-lint: " + dir + ": " + why + "\n";
      }
      synchronized (out) {
        if (writeFailure.get() != null) return;
        try {
          out.write(chunk);
        } catch (IOException e) {
          writeFailure.set(new UserError("cannot write the output (" + e.getClass().getSimpleName() + ")"));
        }
      }
    };
    try {
      for (Path top : tops) {
        TreeFinder.find(top, dir -> {
          if (writeFailure.get() != null) throw writeFailure.get(); // e.g. a closed pipe: stop walking
          inFlight.acquireUninterruptibly();
          pool.execute(() -> {
            try {
              lintOne.accept(dir);
            } finally {
              inFlight.release();
            }
          });
        });
      }
    } finally {
      pool.shutdown();
      awaitQuietly(pool);
    }
    if (writeFailure.get() != null) throw writeFailure.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    Totals totals = new Totals(trees.get(), findings.get(), errors.get(), failing.get(), millis);
    try {
      if (jsonLines) {
        out.write(JsonLinesReporter.summaryLine(totals.trees(), totals.findings(), totals.errors(), totals.failing(), millis));
      } else {
        out.write(String.format("%d trees checked in %.1f s: %d findings, %d trees failing, %d not lintable%n",
            totals.trees(), millis / 1000.0, totals.findings(), totals.failing(), totals.errors()));
      }
      out.flush();
    } catch (IOException e) {
      throw new UserError("cannot write the output (" + e.getClass().getSimpleName() + ")");
    }
    return totals;
  }

  private String render(LintReport report) {
    StringWriter w = new StringWriter(256);
    try {
      reporter.write(List.of(report), w);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // trees still being linted
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
