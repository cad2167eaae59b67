/**
 * Pure alert rules: fed window summaries, posts and event times; no I/O, no wall clock. See {@link
 * dev.yuqing.alerts.rules.RuleEngine} and the alerts package documentation for the API.
 */
package dev.yuqing.alerts.rules;
