/** Alert mail: subject, HTML and text body, the inline trend chart and the CJK font it needs. */
package dev.yuqing.alerts.mail;
