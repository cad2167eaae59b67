package dev.yuqing.core.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Exported homeowner group chats (WeChat or QQ plain-text exports): a file, or a directory whose
 * {@code *.txt} files are imported. Every message becomes a post (author = sender); a file already
 * imported is not imported again, a file that grew yields only its new messages.
 *
 * @param id unique source id
 * @param path export file or directory
 * @param format {@code auto} (default), {@code wechat} or {@code qq}
 * @param group the group's name, shown as the posts' title context; default: from the export
 * @param revisit how often the path is checked for new exports (default 10m)
 * @param projects projects the group is about; empty: by names mentioned
 */
public record ChatExportSourceConfig(
    String id, String path, String format, String group, Duration revisit, List<String> projects)
    implements SourceConfig {
  public ChatExportSourceConfig {
    id = Check.required("id", id);
    path = Check.required("path", path);
    try {
      Path.of(path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("path: not a valid path: '" + path + "'", e);
    }
    format = format == null ? "auto" : format.strip().toLowerCase(Locale.ROOT);
    if (!List.of("auto", "wechat", "qq").contains(format)) {
      throw new IllegalArgumentException(
          "format: must be auto, wechat or qq, got '" + format + "'");
    }
    group = group == null || group.isBlank() ? null : group.strip();
    revisit = Check.positive("revisit", revisit, Duration.ofMinutes(10));
    projects = projects == null ? List.of() : List.copyOf(projects);
  }

  @Override
  public String url() {
    return Path.of(path).toAbsolutePath().normalize().toUri().toString();
  }

  /** Chat exports are local files: no network at all. */
  @Override
  public boolean allowPrivateNetwork() {
    return false;
  }
}
