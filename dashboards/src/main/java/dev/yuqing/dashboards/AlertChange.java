package dev.yuqing.dashboards;

import java.time.Instant;

/**
 * One step in an alert's life, for the alert page and the report timeline.
 *
 * @param at when it happened
 * @param kind what kind of step: received, update, escalate, ack, resolve, sent, failed
 * @param text what happened, in Chinese, with who did it (e.g. 张伟 确认)
 */
public record AlertChange(Instant at, String kind, String text) {}
