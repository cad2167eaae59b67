package dev.yuqing.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Daily and weekly reports (日报 / 周报) and their scheduled delivery by mail.
 *
 * @param zone time zone of report days and schedules (default Asia/Shanghai)
 * @param font path to a TrueType CJK font for PDFs and charts (default: WenQuanYi Micro Hei from
 *     Debian's fonts-wqy-microhei, /usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
 * @param schedules reports sent by mail on a schedule
 */
public record ReportsConfig(String zone, String font, List<ReportScheduleConfig> schedules) {

  public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

  public static final ReportsConfig DEFAULT = new ReportsConfig(null, null, null);

  public ReportsConfig {
    zone = ReportScheduleConfig.zone("zone", zone == null ? "Asia/Shanghai" : zone);
    font = font == null || font.isBlank() ? DEFAULT_FONT : font.strip();
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < schedules.size(); i++) {
      if (!names.add(schedules.get(i).name())) {
        throw new IllegalArgumentException(
            "schedules[" + i + "].name: duplicate schedule '" + schedules.get(i).name() + "'");
      }
    }
  }
}
