package dev.yuqing.dashboards.report;

import java.util.List;

/**
 * Delivers a finished report by mail. Implementations reuse the alerts module's mail transport; a
 * failed send throws so that the scheduler tries again on its next tick.
 */
@FunctionalInterface
public interface ReportSender {

  /**
   * @param to recipients (never empty)
   * @param subject mail subject
   * @param htmlBody the mail body (the report's summary)
   * @param attachment the report file
   * @param fileName the attachment's name
   * @param contentType the attachment's MIME type
   */
  void send(
      List<String> to,
      String subject,
      String htmlBody,
      byte[] attachment,
      String fileName,
      String contentType)
      throws Exception;
}
