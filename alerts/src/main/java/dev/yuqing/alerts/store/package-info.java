/**
 * The incident desk on a relational database: {@link dev.yuqing.alerts.store.Database} (embedded
 * SQLite under {@code DATA/db}, or PostgreSQL), its Flyway migrations, and {@link
 * dev.yuqing.alerts.store.JdbcIncidentStore}, where dispatchers claim deliveries row by row.
 */
package dev.yuqing.alerts.store;
