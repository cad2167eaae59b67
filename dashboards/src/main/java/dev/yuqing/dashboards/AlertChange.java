package dev.yuqing.dashboards;

import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import java.time.Instant;

/**
 * One step in an alert's life, for the alert page and the report timeline.
 *
 * @param at when it happened
 * @param state the state after the step
 * @param grade the grade after the step
 * @param by who did it: a user name, or null when yuqing did it (raised, escalated)
 * @param what what happened, in Chinese (e.g. 预警触发, 升级为一级, 已确认)
 */
public record AlertChange(Instant at, AlertState state, Grade grade, String by, String what) {}
