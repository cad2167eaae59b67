/** The web dashboard: a small JDK HTTP server with login, sessions, CSRF and escaped pages. */
package dev.yuqing.dashboards.web;
