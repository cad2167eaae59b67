package dev.yuqing.app.cli;

import dev.yuqing.crawler.eval.PageExtractor;
import dev.yuqing.crawler.extract.Article;
import dev.yuqing.crawler.fetch.Charsets;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Mozilla Readability's Java port (readability4j) as a reference extractor, loaded from the jars
 * that the app's build copies to {@code target/readability4j/}. Their class loader's parent is the
 * platform loader, so readability4j runs with the jsoup it was built for (1.11.2) and never sees
 * ours; nothing on the crawler's classpath knows it. Not thread-safe.
 */
final class Readability4j implements PageExtractor, AutoCloseable {
  private final URLClassLoader loader;
  private final Constructor<?> create;
  private final Method parse;
  private final Method title;
  private final Method text;
  private final Method byline;
  private final Path jsoupJar;

  private Readability4j(URLClassLoader loader) throws ReflectiveOperationException {
    this.loader = loader;
    Class<?> r = loader.loadClass("net.dankito.readability4j.Readability4J");
    Class<?> a = loader.loadClass("net.dankito.readability4j.Article");
    this.create = r.getConstructor(String.class, String.class);
    this.parse = r.getMethod("parse");
    this.title = a.getMethod("getTitle");
    this.text = a.getMethod("getTextContent");
    this.byline = a.getMethod("getByline");
    this.jsoupJar = jarOf(loader.loadClass("org.jsoup.Jsoup"));
  }

  /** The jars' folder beside the app's jar (or its classes folder in a build). */
  static Path defaultDir() {
    return jarOf(Readability4j.class).getParent().resolve("readability4j");
  }

  /**
   * Loads readability4j from {@code dir}.
   *
   * @throws IOException when the folder lacks its jars (the app was not packaged)
   */
  static Readability4j load(Path dir) throws IOException {
    List<URL> urls = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
          urls.add(toUrl(p));
        }
      }
    }
    URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    try {
      return new Readability4j(loader);
    } catch (ReflectiveOperationException | LinkageError e) {
      loader.close();
      throw new IOException(
          dir + ": readability4j jars missing or unusable (run mvn -q package -DskipTests): " + e,
          e);
    }
  }

  /** The jsoup jar readability4j runs with: evidence that it is its own, not ours. */
  Path jsoupJar() {
    return jsoupJar;
  }

  /** The jsoup jar yuqing runs with. */
  static Path ourJsoupJar() {
    return jarOf(org.jsoup.Jsoup.class);
  }

  @Override
  public String name() {
    return "readability4j";
  }

  @Override
  public boolean readsDates() {
    return false;
  }

  /** Readability gets the text as yuqing decodes it: both read the same characters. */
  @Override
  public Article extract(byte[] html, String url) throws Exception {
    String decoded = Charsets.decode(html, null).text();
    Object article;
    try {
      article = parse.invoke(create.newInstance(url, decoded));
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
    return new Article(
        url,
        (String) title.invoke(article),
        null,
        (String) byline.invoke(article),
        null,
        (String) text.invoke(article));
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }

  private static Path jarOf(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(c + ": no code source", e);
    }
  }

  private static URL toUrl(Path p) throws IOException {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IOException(p + ": " + e.getMessage(), e);
    }
  }
}
