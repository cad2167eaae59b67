package dev.yuqing.core.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A watched housing project.
 *
 * @param name the estate or project name, as the dashboard shows it (e.g. 翡翠湾)
 * @param aliases other names people use: estate nicknames, phase names, English names
 * @param developer the developer's names (华景地产)
 * @param propertyCompany the property-management company's names (华景物业)
 */
public record ProjectConfig(
    String name, List<String> aliases, List<String> developer, List<String> propertyCompany) {
  public ProjectConfig {
    name = Check.required("name", name);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    developer = developer == null ? List.of() : List.copyOf(developer);
    propertyCompany = propertyCompany == null ? List.of() : List.copyOf(propertyCompany);
  }

  /** Every name that, when mentioned, puts a post in scope of this project. */
  public List<String> allNames() {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    all.add(name);
    all.addAll(aliases);
    all.addAll(developer);
    all.addAll(propertyCompany);
    return new ArrayList<>(all);
  }
}
