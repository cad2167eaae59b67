package dev.yuqing.alerts;

import dev.yuqing.alerts.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite file. */
class SqliteIncidentStoreTest extends IncidentStoreContract {
  @TempDir Path data;

  @Override
  Database database() {
    return Database.embedded(data);
  }

  @Override
  Database again() {
    return Database.embedded(data);
  }

  @Override
  boolean sharedQueue() {
    return false;
  }
}
