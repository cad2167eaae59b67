package dev.yuqing.alerts;

import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.PostgresServer;

/** The store contract on a real PostgreSQL server ({@link PostgresServer}). */
class PostgresIncidentStoreIT extends IncidentStoreContract {
  private String url;

  @Override
  Database database() {
    url = PostgresServer.get().newDatabase();
    return again();
  }

  @Override
  Database again() {
    return Database.postgres(url, PostgresServer.get().user(), null);
  }

  @Override
  boolean sharedQueue() {
    return true;
  }
}
