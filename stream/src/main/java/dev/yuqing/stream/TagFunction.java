package dev.yuqing.stream;

import dev.yuqing.core.Tagger;
import dev.yuqing.core.Tagging;
import dev.yuqing.stream.metrics.StageMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/** Tags each post with the analysis module's tagger, built once per subtask in {@code open()}. */
public final class TagFunction extends RichMapFunction<Ingested, Tagged> {
  private static final long serialVersionUID = 1L;

  private final TaskManagerFactory<Tagger> factory;
  private transient Tagger tagger;
  private transient Counter tagged;

  public TagFunction(TaskManagerFactory<Tagger> factory) {
    this.factory = factory;
  }

  @Override
  public void open(OpenContext ctx) throws Exception {
    tagger = factory.create();
    tagged = getRuntimeContext().getMetricGroup().counter(StageMetrics.TAGGED);
  }

  @Override
  public Tagged map(Ingested in) {
    Tagging tagging = tagger.tagWithWords(in.post());
    Tagged t =
        new Tagged(tagging.post(), tagging.words(), in.ingestedAt(), in.counted(), in.rewrite());
    tagged.inc();
    return t;
  }
}
