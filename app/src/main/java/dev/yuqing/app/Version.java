package dev.yuqing.app;

import picocli.CommandLine;

/** Version from the jar manifest, or "dev" when run from classes. */
public final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"yuqing " + (v == null ? "dev" : v), "Java " + Runtime.version()};
  }
}
