package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.core.Grade;
import dev.yuqing.core.LowerCaseNamed;
import java.io.Serializable;

/**
 * A group-chat robot webhook that receives alerts. The webhook URL carries the robot's access token
 * and the signing secret is a password: both come from environment variables named here.
 *
 * @param id channel id, unique among robots (shown in delivery logs)
 * @param kind wecom (企业微信), dingtalk (钉钉) or feishu (飞书)
 * @param urlEnv environment variable holding the full webhook URL (required)
 * @param secretEnv environment variable holding the signing secret (dingtalk, feishu: the robot's
 *     加签 secret), or null when the robot is not signed
 * @param minGrade alerts of this grade and above reach the robot (default alert)
 */
public record RobotConfig(String id, Kind kind, String urlEnv, String secretEnv, Grade minGrade)
    implements Serializable {
  public RobotConfig {
    id = Check.required("id", id);
    if (!id.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("id: letters, digits, - and _ only, got '" + id + "'");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind: is required (wecom, dingtalk, feishu)");
    }
    urlEnv = Check.envName("urlEnv", Check.required("urlEnv", urlEnv));
    secretEnv = Check.envName("secretEnv", secretEnv);
    if (kind == Kind.WECOM && secretEnv != null) {
      throw new IllegalArgumentException("secretEnv: WeCom robots are not signed; remove it");
    }
    minGrade = minGrade == null ? Grade.ALERT : minGrade;
  }

  /** Robot message formats. */
  public enum Kind implements LowerCaseNamed {
    WECOM,
    DINGTALK,
    FEISHU;

    @JsonCreator
    public static Kind parse(String s) {
      return LowerCaseNamed.byName(Kind.class, "robot kind", s);
    }
  }
}
