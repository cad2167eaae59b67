package dev.yuqing.dashboards.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One browser tab: navigate, evaluate JavaScript, wait for conditions, take screenshots. Records
 * every JavaScript dialog (alert, confirm, prompt) that opens, every uncaught exception and every
 * console or security message, so that a test can prove that nothing ran.
 */
final class Page implements AutoCloseable {
  private final Cdp cdp;
  final List<String> dialogs = new CopyOnWriteArrayList<>();
  final List<String> exceptions = new CopyOnWriteArrayList<>();
  final List<String> console = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch loaded = new CountDownLatch(1);

  Page(Cdp cdp) {
    this.cdp = cdp;
    cdp.on(
        "Page.javascriptDialogOpening",
        p -> {
          dialogs.add(p.get("type").asText() + ": " + p.get("message").asText());
          // answer from another thread: the reply must not wait on this event's thread
          new Thread(() -> cdp.send("Page.handleJavaScriptDialog", Map.of("accept", true))).start();
        });
    cdp.on("Runtime.exceptionThrown", p -> exceptions.add(p.get("exceptionDetails").toString()));
    cdp.on(
        "Log.entryAdded",
        p ->
            console.add(
                p.get("entry").get("level").asText() + " " + p.get("entry").get("text").asText()));
    cdp.on(
        "Runtime.consoleAPICalled",
        p -> console.add(p.get("type").asText() + " " + p.get("args").toString()));
    cdp.on("Page.loadEventFired", p -> loaded.countDown());
    cdp.send("Page.enable");
    cdp.send("Runtime.enable");
    cdp.send("Log.enable");
    cdp.send(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 1280, "height", 1400, "deviceScaleFactor", 1, "mobile", false));
  }

  /** Loads a URL and waits for the load event. */
  void navigate(String url) throws InterruptedException {
    loaded = new CountDownLatch(1);
    JsonNode r = cdp.send("Page.navigate", Map.of("url", url));
    if (r.has("errorText")) {
      throw new IllegalStateException(url + ": " + r.get("errorText").asText());
    }
    awaitLoad();
  }

  /** Runs an action that makes the page load another document, and waits for it. */
  void andWaitForLoad(Runnable action) throws InterruptedException {
    loaded = new CountDownLatch(1);
    action.run();
    awaitLoad();
  }

  private void awaitLoad() throws InterruptedException {
    if (!loaded.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("page did not load within 30 s");
    }
  }

  /** Evaluates an expression (promises awaited) and returns its JSON value. */
  JsonNode eval(String expression) {
    JsonNode r =
        cdp.send(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException(expression + ": " + r.get("exceptionDetails"));
    }
    JsonNode v = r.get("result").get("value");
    return v;
  }

  String text(String expression) {
    JsonNode v = eval(expression);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * Waits until the expression is truthy. An error counts as not yet: between two documents (a
   * form's redirect) {@code document.body} is briefly null.
   */
  void waitFor(String expression, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      IllegalStateException error = null;
      try {
        JsonNode v = eval("Boolean(" + expression + ")");
        if (v != null && v.asBoolean()) {
          return;
        }
      } catch (IllegalStateException e) {
        error = e;
      }
      if (Instant.now().isAfter(deadline)) {
        IllegalStateException t = new IllegalStateException("timed out waiting for " + expression);
        if (error != null) {
          t.addSuppressed(error);
        }
        throw t;
      }
      Thread.sleep(100);
    }
  }

  /** Forgets every cookie of the browser: the next request has no session. */
  void clearCookies() {
    cdp.send("Network.clearBrowserCookies");
  }

  /** Current URL of the page. */
  String url() {
    return text("location.href");
  }

  /** A PNG of the viewport. */
  byte[] screenshot() {
    JsonNode r = cdp.send("Page.captureScreenshot", Map.of("format", "png"));
    return Base64.getDecoder().decode(r.get("data").asText());
  }

  @Override
  public void close() {
    cdp.close();
  }
}
