/**
 * Alerts: pure rules ({@code rules}) that raise alerts; incidents ({@code incident}) that group the
 * alerts of one event at one project and decide when its thread speaks; the durable service that
 * stores and delivers them ({@link dev.yuqing.alerts.AlertService} over an {@link
 * dev.yuqing.alerts.IncidentStore}); mail and chat channels.
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
 * RuleOutcome<EngineState> e = engine.onWindow(s, w);
 * // each tagged post of the project (keyword, mobilization, media rules):
 * RuleOutcome<EngineState> e = engine.onPost(s, project, taggedPost);
 * // optional, after each post: the open window so far, so a spike alerts before the window closes
 * // (the closed window must still go to onWindow; the alert is not sent twice):
 * RuleOutcome<EngineState> e = engine.onPartialWindow(s, summarySoFar, postEventTime);
 * // an event-time timer registered at e.wakeAt() fired:
 * RuleOutcome<EngineState> e = engine.onTime(s, project, timestamp);
 *
 * state.update(e.state());          // or e.state().toJson() bytes
 * e.alerts().forEach(out::collect); // Alert records, to the sink
 * if (e.wakeAt() != null) timers.registerEventTimeTimer(e.wakeAt().toEpochMilli());
 * }</pre>
 *
 * A single rule can be used alone the same way, e.g. {@code spikeRule.onWindow(state, window)}.
 * Rules never read a clock: "now" is the event time they are given, so a replay from a checkpoint
 * yields the same alerts with the same ids and revisions.
 *
 * <p>Incidents and delivery (in the sink, one per data directory; durable, deduplicating):
 *
 * <pre>{@code
 * AlertService svc = AlertService.open(dataDir, config.alerts(), config.smtp(),
 *     Secrets.fromEnvironment(), Clock.systemUTC());
 * svc.start(Duration.ofMillis(250)); // background: group wait and interval, escalation, delivery
 * svc.submit(alert);   // joins or opens an incident, durably; a replayed (id, revision) is dropped
 * svc.issueWaiting();  // a bounded input ended: what waits for the group wait goes now
 * svc.close();
 * }</pre>
 *
 * A one-shot run calls {@code svc.tick()} instead of {@code start}.
 */
package dev.yuqing.alerts;
