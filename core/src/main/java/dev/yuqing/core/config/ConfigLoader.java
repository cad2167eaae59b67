package dev.yuqing.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Loads the YAML configuration strictly: an unknown key, a wrong type or an invalid value fails at
 * load with one line naming the file, the key path and the reason, e.g. {@code config.yaml:
 * sources[0].urll: unknown key (known: allowPrivateNetwork, followLinks, id, …)}.
 */
public final class ConfigLoader {
  private final YAMLMapper yaml;

  public ConfigLoader() {
    yaml = Json.configure(new YAMLMapper());
    yaml.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    yaml.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    yaml.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Reads and validates a configuration file. */
  public YuqingConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file", e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /** Parses configuration text; {@code name} is used in error messages. */
  public YuqingConfig parse(String name, String text) {
    if (text.isBlank()) {
      throw new ConfigException(name + ": the file is empty");
    }
    try {
      return yaml.readValue(text, YuqingConfig.class);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof JsonParseException syntax) {
        throw syntaxError(name, syntax);
      }
      throw new ConfigException(name + ": " + describe(e), e);
    } catch (JacksonException e) {
      throw syntaxError(name, e);
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static ConfigException syntaxError(String name, JacksonException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String msg = e.getOriginalMessage();
    int cut = msg.indexOf('\n');
    return new ConfigException(
        name + ": not valid YAML" + where + ": " + (cut > 0 ? msg.substring(0, cut) : msg), e);
  }

  static String describe(JsonMappingException e) {
    String path = path(e);
    if (e instanceof UnrecognizedPropertyException u) {
      // the path already ends with the unknown key
      return join(path, "unknown key") + " (known: " + known(u.getKnownPropertyIds()) + ")";
    }
    if (e instanceof InvalidTypeIdException t) {
      return join(path, "unknown " + typeKey(t) + " '" + t.getTypeId() + "'");
    }
    IllegalArgumentException invalid = firstInvalidArgument(e);
    if (invalid != null && invalid.getMessage() != null) {
      String msg = invalid.getMessage();
      // Record validation messages start with their own key ("url: …"): place it under the path.
      // A value's own parser (an enum's) names no key: the path already ends with it.
      boolean keyed = msg.matches("(?s)[A-Za-z_][\\w.\\[\\]]*: .*");
      return path.isEmpty() ? msg : keyed ? path + "." + msg : path + ": " + msg;
    }
    String msg = e.getOriginalMessage();
    int cut = msg.indexOf('\n');
    return join(path, cut > 0 ? msg.substring(0, cut) : msg);
  }

  private static String typeKey(InvalidTypeIdException t) {
    String base = t.getBaseType() == null ? "" : t.getBaseType().getRawClass().getSimpleName();
    return base.equals("RuleConfig") ? "rule type" : base.equals("SourceConfig") ? "kind" : "type";
  }

  private static String join(String path, String msg) {
    return path.isEmpty() ? msg : path + ": " + msg;
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String known(Collection<Object> ids) {
    TreeSet<String> names = new TreeSet<>();
    if (ids != null) {
      ids.forEach(id -> names.add(String.valueOf(id)));
    }
    return String.join(", ", names);
  }

  /** The validation failure a record constructor threw, if that is what went wrong. */
  private static IllegalArgumentException firstInvalidArgument(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof IllegalArgumentException iae) {
        return iae;
      }
    }
    return null;
  }
}
