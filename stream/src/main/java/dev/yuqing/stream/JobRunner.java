package dev.yuqing.stream;

import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.stream.metrics.ProgressReporterFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink settings for a yuqing job: heap state, checkpoints kept when the job is cancelled or dies
 * (under {@code DATA/checkpoints/NAME} by default, or the configured URI), and restore from the
 * newest complete checkpoint of the same job name, so that a restarted run continues where the
 * killed one stopped. Each job name ({@code run}, {@code replay-…}, {@code demo}) keeps its own
 * checkpoints, so a replay never restores a crawl and the other way round.
 */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private JobRunner() {}

  /** Where the checkpoints of job {@code name} go. */
  public static String checkpointDir(StreamConfig cfg, Path dataDir, String name) {
    String base =
        cfg.checkpointUri() != null
            ? cfg.checkpointUri()
            : dataDir.toAbsolutePath().normalize().resolve("checkpoints").toUri().toString();
    return (base.endsWith("/") ? base : base + "/") + name;
  }

  /**
   * The Flink configuration of a job.
   *
   * @param checkpoints see {@link #checkpointDir}
   * @param restore restore from the newest complete checkpoint there, if any
   * @param progress register the in-process progress reporter (embedded runs)
   */
  public static Configuration configuration(
      StreamConfig cfg, String checkpoints, boolean restore, boolean progress) {
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints);
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, cfg.checkpointInterval());
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    if (restore) {
      latestCheckpoint(checkpoints)
          .ifPresent(
              path -> {
                LOG.info("restoring from checkpoint {}", path);
                conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path);
                // the new job owns the checkpoint: it is deleted once a newer one completes
                conf.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
              });
    }
    if (progress) {
      conf.set(
          ConfigOptions.key("metrics.reporter.yuqing.factory.class").stringType().noDefaultValue(),
          ProgressReporterFactory.class.getName());
    }
    return conf;
  }

  /**
   * The newest complete checkpoint under {@code dir} ({@code dir/<job-id>/chk-<n>/_metadata}), by
   * modification time; empty when there is none.
   */
  public static Optional<String> latestCheckpoint(String dir) {
    try {
      org.apache.flink.core.fs.Path root = new org.apache.flink.core.fs.Path(dir);
      FileSystem fs = root.getFileSystem();
      if (!fs.exists(root)) {
        return Optional.empty();
      }
      List<FileStatus> found = new ArrayList<>();
      for (FileStatus job : list(fs, root)) {
        if (!job.isDir()) {
          continue;
        }
        for (FileStatus chk : list(fs, job.getPath())) {
          if (chk.isDir() && chk.getPath().getName().startsWith("chk-")) {
            org.apache.flink.core.fs.Path meta =
                new org.apache.flink.core.fs.Path(chk.getPath(), "_metadata");
            if (fs.exists(meta)) {
              found.add(fs.getFileStatus(meta));
            }
          }
        }
      }
      return found.stream()
          .max(
              java.util.Comparator.comparingLong(FileStatus::getModificationTime)
                  .thenComparingInt(s -> chkNumber(s.getPath().getParent().getName())))
          .map(s -> s.getPath().getParent().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list checkpoints in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static FileStatus[] list(FileSystem fs, org.apache.flink.core.fs.Path p)
      throws IOException {
    FileStatus[] s = fs.listStatus(p);
    return s == null ? new FileStatus[0] : s;
  }

  private static int chkNumber(String name) {
    try {
      return Integer.parseInt(name.substring("chk-".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
