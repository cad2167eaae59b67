package dev.yuqing.dashboards.report;

/**
 * Delivers a finished report by mail. Implementations reuse the alerts module's mail transport; a
 * failed send throws so that the scheduler tries again on its next tick.
 */
@FunctionalInterface
public interface ReportSender {

  void send(ReportMail mail) throws Exception;
}
