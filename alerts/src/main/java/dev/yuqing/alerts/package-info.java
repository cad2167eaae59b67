/**
 * Alerts: pure rules ({@code rules}), durable lifecycle and delivery ({@link
 * dev.yuqing.alerts.AlertService}), mail and chat channels.
 *
 * <h2>The API the stream calls</h2>
 *
 * <p>Rules (pure, per project, state kept by the caller in Flink keyed state):
 *
 * <pre>{@code
 * RuleEngine engine = new RuleEngine(config.alerts(), config.stream().window()); // in open()
 * EngineState s = state.value() == null ? engine.initialState() : state.value();  // per project
 *
 * // each closed event-time window of the project (tumbling, stream.window long, epoch-aligned):
 * WindowSummary w = WindowSummary.of(project, start, end, taggedPosts); // or an AggregateFunction
 *                                                                       // with empty/plus/merge
 * Evaluation<EngineState> e = engine.onWindow(s, w);
 * // each tagged post of the project (keyword, mobilization, media rules):
 * Evaluation<EngineState> e = engine.onPost(s, project, taggedPost);
 * // optional, after each post: the open window so far, so a spike alerts before the window closes
 * // (the closed window must still go to onWindow; the alert is not sent twice):
 * Evaluation<EngineState> e = engine.onPartialWindow(s, summarySoFar, postEventTime);
 * // an event-time timer registered at e.wakeAt() fired:
 * Evaluation<EngineState> e = engine.onTime(s, project, timestamp);
 *
 * state.update(e.state());          // or e.state().toJson() bytes
 * e.alerts().forEach(out::collect); // Alert records, to the sink
 * if (e.wakeAt() != null) timers.registerEventTimeTimer(e.wakeAt().toEpochMilli());
 * }</pre>
 *
 * A single rule can be used alone the same way, e.g. {@code SpikeRule.evaluate(state, window)}.
 * Rules never read a clock: "now" is the event time they are given, so a replay from a checkpoint
 * yields the same alerts with the same ids and revisions.
 *
 * <p>Delivery (in the sink, one per data directory; durable, deduplicating):
 *
 * <pre>{@code
 * AlertService svc = AlertService.open(dataDir, config.alerts(), config.smtp(),
 *     Secrets.fromEnvironment(), Clock.systemUTC());
 * svc.start(Duration.ofSeconds(1)); // background: escalation, delivery, retries
 * svc.submit(alert);                // persisted before sending; a replayed (id, revision) is dropped
 * svc.close();
 * }</pre>
 *
 * A one-shot run (the demo) calls {@code svc.tick()} after the job instead of {@code start}.
 */
package dev.yuqing.alerts;
