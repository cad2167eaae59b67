/** Delivery channels for alerts: SMTP, the outbox directory and chat-robot webhooks. */
package dev.yuqing.alerts.channel;
