package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An enum written as its lower-case name in JSON, config, the store and URLs, and read back
 * leniently by one of the lookups here.
 */
public interface LowerCaseNamed {
  /** The constant's name, as every enum has it. */
  String name();

  @JsonValue
  default String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant named {@code s} in any case, blanks around it ignored. */
  static <E extends Enum<E>> E byName(Class<E> type, String s) {
    return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * The constant named {@code s} in any case, blanks around it ignored.
   *
   * @param what the kind of value, for the error
   * @throws IllegalArgumentException naming {@code what} and the known names
   */
  static <E extends Enum<E> & LowerCaseNamed> E byName(Class<E> type, String what, String s) {
    return byNameOrAlias(type, what, e -> null, s);
  }

  /**
   * The constant named {@code s} in any case, or whose {@code alias} (a label users see) is {@code
   * s}, blanks around it ignored.
   *
   * @param what the kind of value, for the error
   * @throws IllegalArgumentException naming {@code what} and the known names
   */
  static <E extends Enum<E> & LowerCaseNamed> E byNameOrAlias(
      Class<E> type, String what, Function<E, String> alias, String s) {
    String t = s.strip();
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(t) || t.equals(alias.apply(e))) {
        return e;
      }
    }
    // no cause attached: the config loader reports the innermost message, and this one names the
    // choices
    String known =
        Stream.of(type.getEnumConstants())
            .map(LowerCaseNamed::json)
            .collect(Collectors.joining(", "));
    throw new IllegalArgumentException("unknown " + what + " '" + s + "' (known: " + known + ")");
  }
}
