package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The handover topic taxonomy of DOMAIN.md. JSON, the index and every user-facing surface use the
 * Chinese label, spelled exactly as in DOMAIN.md.
 */
public enum Topic {
  QUALITY("房屋质量"),
  DELAY("延期交付"),
  DELIVERY_STANDARD("交付标准"),
  CONTRACT("合同与产权"),
  PROPERTY_MANAGEMENT("物业服务"),
  SURROUNDINGS("周边配套"),
  HANDOVER_PROCEDURE("交房手续"),
  COLLECTIVE_ACTION("维权行动"),
  MEDIA("媒体曝光"),
  OTHER("其他");

  private final String label;

  Topic(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  /** Accepts the Chinese label or the enum name. */
  @JsonCreator
  public static Topic parse(String s) {
    String t = s.trim();
    for (Topic topic : values()) {
      if (topic.label.equals(t) || topic.name().equalsIgnoreCase(t)) {
        return topic;
      }
    }
    throw new IllegalArgumentException("unknown topic '" + s + "' (known: " + labels() + ")");
  }

  public static String labels() {
    StringBuilder sb = new StringBuilder();
    for (Topic topic : values()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(topic.label);
    }
    return sb.toString();
  }
}
