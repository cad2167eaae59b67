package dev.yuqing.crawler;

import dev.yuqing.analysis.TextNormalizer;
import dev.yuqing.core.config.ProjectConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which watched projects a post is about. A source configured with {@code projects} tags
 * every post with them (plus any other project it names); otherwise a post is about the projects
 * whose names or aliases it mentions (compared as {@link #matchForm}). A post found by a
 * search-result URL is about the project whose name was searched. A post about no project is
 * dropped unless {@code keepUnscoped}. Immutable and thread-safe.
 */
public final class Scoper {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final Map<String, List<String>> names = new LinkedHashMap<>(); // project → needles
  private final Map<String, List<String>> rawNames = new LinkedHashMap<>();
  private final boolean keepUnscoped;

  public Scoper(List<ProjectConfig> projects, boolean keepUnscoped) {
    for (ProjectConfig p : projects) {
      List<String> needles = new ArrayList<>();
      for (String n : p.allNames()) {
        String s = matchForm(n);
        if (!s.isBlank()) {
          needles.add(s);
        }
      }
      names.put(p.name(), needles);
      rawNames.put(p.name(), p.allNames());
    }
    this.keepUnscoped = keepUnscoped;
  }

  /** Projects whose names appear in {@code text}, in config order. */
  public List<String> mentioned(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String t = matchForm(text);
    List<String> out = new ArrayList<>();
    names.forEach(
        (project, needles) -> {
          for (String n : needles) {
            if (t.contains(n)) {
              out.add(project);
              return;
            }
          }
        });
    return out;
  }

  /**
   * The projects to tag a post with, or empty when the post is to be dropped.
   *
   * @param sourceProjects the source's {@code projects}
   * @param searchedProject the project whose name a search-result URL searched, or null
   * @param text title and text of the post
   */
  public Optional<List<String>> scope(
      List<String> sourceProjects, String searchedProject, String text) {
    Set<String> out = new LinkedHashSet<>(sourceProjects);
    if (searchedProject != null) {
      out.add(searchedProject);
    }
    out.addAll(mentioned(text));
    if (out.isEmpty()) {
      return keepUnscoped ? Optional.of(List.of()) : Optional.empty();
    }
    return Optional.of(List.copyOf(out));
  }

  /**
   * The names to put into a search URL's {@code {keyword}}: name → project, for the source's
   * projects (all projects when the source names none).
   */
  public Map<String, String> keywords(List<String> sourceProjects) {
    Map<String, String> out = new LinkedHashMap<>();
    rawNames.forEach(
        (project, all) -> {
          if (sourceProjects.isEmpty() || sourceProjects.contains(project)) {
            for (String n : all) {
              out.putIfAbsent(n, project);
            }
          }
        });
    return out;
  }

  /**
   * The form names and texts are compared in: normalised ({@link TextNormalizer}: simplified,
   * half-width, lower-case Latin) and without whitespace, so 翡翠灣 and ＥＭＥＲＡＬＤ Bay name 翡翠湾 and
   * Emerald Bay.
   */
  public static String matchForm(String s) {
    return WHITESPACE.matcher(TextNormalizer.normalize(s)).replaceAll("");
  }
}
