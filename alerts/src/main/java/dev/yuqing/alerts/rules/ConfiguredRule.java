package dev.yuqing.alerts.rules;

import dev.yuqing.core.Alert;
import dev.yuqing.core.config.RuleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What every rule holds: its own config and the settings shared by all rules. */
abstract sealed class ConfiguredRule<C extends RuleConfig, S extends RuleState> implements Rule<S>
    permits PostRule, CountRule, NewTopicRule {
  final C cfg;
  final RuleContext ctx;

  ConfiguredRule(C cfg, RuleContext ctx) {
    this.cfg = cfg;
    this.ctx = ctx;
  }

  @Override
  public C config() {
    return cfg;
  }

  /** How long this rule's signal must stay quiet before its alert resolves. */
  Duration resolveAfter() {
    return ctx.resolveAfter(cfg);
  }

  /**
   * The open alert after a quiet moment at {@code at}; a recovery it causes goes to {@code out}.
   */
  OpenAlert quiet(OpenAlert open, Instant at, List<Alert> out) {
    return OpenAlert.quiet(cfg, open, at, resolveAfter()).emitTo(out);
  }
}
