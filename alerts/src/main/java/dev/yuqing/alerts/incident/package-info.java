/**
 * Incidents: the alerts of any rule about one event at one project, grouped and told as one message
 * thread. {@link dev.yuqing.alerts.incident.IncidentLifecycle} and {@link
 * dev.yuqing.alerts.incident.Escalator} are pure: an incident and an event in, the incident after
 * it and the notices to send out, with the service's time given.
 */
package dev.yuqing.alerts.incident;
