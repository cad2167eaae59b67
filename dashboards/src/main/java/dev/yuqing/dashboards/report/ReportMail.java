package dev.yuqing.dashboards.report;

import java.util.List;

/**
 * One report to mail: the report's summary as the body, the report file attached.
 *
 * @param to recipients (never empty)
 * @param subject mail subject
 * @param htmlBody the mail body (the report's summary)
 * @param attachment the report file
 * @param fileName the attachment's name
 * @param contentType the attachment's MIME type
 */
public record ReportMail(
    List<String> to,
    String subject,
    String htmlBody,
    byte[] attachment,
    String fileName,
    String contentType) {

  public ReportMail {
    to = List.copyOf(to);
  }
}
