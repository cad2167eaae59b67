package dev.yuqing.alerts.channel;

import dev.yuqing.core.config.RobotConfig;
import dev.yuqing.core.config.Secrets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Builds the robot channels of the config, reading URLs and secrets from the environment. */
public final class RobotChannels {
  private RobotChannels() {}

  /**
   * @throws IllegalArgumentException naming the robot and variable when a URL or secret is unset
   */
  public static List<Channel> of(
      List<RobotConfig> robots, Secrets secrets, Clock clock, ZoneId zone) {
    List<Channel> cs = new ArrayList<>();
    for (int i = 0; i < robots.size(); i++) {
      RobotConfig r = robots.get(i);
      String key = "alerts.robots[" + i + "]";
      String url =
          secrets
              .get(r.urlEnv())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          key + ".urlEnv: environment variable " + r.urlEnv() + " is not set"));
      dev.yuqing.core.config.Check.httpUrl(key + ".urlEnv (" + r.urlEnv() + ")", url);
      String secret = null;
      if (r.secretEnv() != null) {
        secret =
            secrets
                .get(r.secretEnv())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            key
                                + ".secretEnv: environment variable "
                                + r.secretEnv()
                                + " is not set"));
      }
      cs.add(
          switch (r.kind()) {
            case WECOM -> new WeComRobot(r, url, clock, zone);
            case DINGTALK -> new DingTalkRobot(r, url, secret, clock, zone);
            case FEISHU -> new FeishuRobot(r, url, secret, clock, zone);
          });
    }
    return cs;
  }
}
